package com.wanderframe.credits;

import com.wanderframe.platform.ApiException;

import org.springframework.http.HttpStatus;

public class InsufficientCreditsException extends ApiException {

	public InsufficientCreditsException(int cost) {
		super(HttpStatus.PAYMENT_REQUIRED, "insufficient_credits",
				"This costs " + cost + " credits and your balance is lower than that.");
	}

}
