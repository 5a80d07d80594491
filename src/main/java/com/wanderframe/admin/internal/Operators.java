package com.wanderframe.admin.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.wanderframe.account.SignedInUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who may operate: the signed-in people whose email is in {@code WANDERFRAME_OPERATORS}. */
@Component
class Operators {

	private final Set<String> emails;

	Operators(@Value("${wanderframe.admin.operators:}") String operators) {
		this.emails = Arrays.stream(operators.split(","))
			.map(String::trim)
			.filter(email -> !email.isEmpty())
			.map(email -> email.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	boolean isOperator(Object principal) {
		return principal instanceof SignedInUser user && user.email() != null
				&& emails.contains(user.email().toLowerCase(Locale.ROOT));
	}

}
