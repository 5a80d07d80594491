package com.wanderframe.platform;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A refusal that passes with time (rate limits): answered with {@code Retry-After}.
 */
public class RetryableApiException extends ApiException {

	private final Duration retryAfter;

	public RetryableApiException(HttpStatus status, String code, String message, Duration retryAfter) {
		super(status, code, message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
