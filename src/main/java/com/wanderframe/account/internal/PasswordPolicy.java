package com.wanderframe.account.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import com.wanderframe.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * What a password must be: 8 characters or more, at most the 72 bytes bcrypt reads, and not
 * guessable. Guessability is zxcvbn's estimate (common passwords, dictionary words, names,
 * keyboard patterns, dates, the person's own email), which also says why in words a person can
 * act on.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	// bcrypt reads no more than 72 bytes; refusing longer passwords beats silently ignoring the rest.
	static final int MAX_BYTES = 72;

	/**
	 * zxcvbn's "safely unguessable" (about 10^8 guesses or more): out of reach of online guessing
	 * under the sign-in throttle, and slow to crack offline behind bcrypt.
	 */
	static final int MIN_SCORE = 3;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	/** For a new password. @throws ApiException 400 {@code invalid_password} / {@code weak_password} */
	void requireAcceptable(String password, String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw ApiException.badRequest("invalid_password",
					"Choose a password of at least " + MIN_LENGTH + " characters.");
		}
		requireWithinBcryptLimit(password);
		Strength strength = zxcvbn.measure(password, personalWords(email));
		if (strength.getScore() < MIN_SCORE) {
			throw ApiException.badRequest("weak_password", reason(strength.getFeedback()));
		}
	}

	/** For sign-up and sign-in alike. @throws ApiException 400 {@code invalid_password} */
	void requireWithinBcryptLimit(String password) {
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw ApiException.badRequest("invalid_password",
					"Passwords have at most " + MAX_BYTES + " characters (fewer with accents or emoji).");
		}
	}

	private static List<String> personalWords(String email) {
		List<String> words = new ArrayList<>();
		if (email != null && !email.isBlank()) {
			words.add(email);
			words.addAll(List.of(email.split("[@._+-]+")));
		}
		words.add("wanderframe");
		return words;
	}

	private static String reason(Feedback feedback) {
		StringBuilder reason = new StringBuilder("This password is too easy to guess.");
		if (feedback.getWarning() != null && !feedback.getWarning().isBlank()) {
			reason.append(' ').append(feedback.getWarning().strip());
			if (!feedback.getWarning().strip().endsWith(".")) {
				reason.append('.');
			}
		}
		List<String> suggestions = feedback.getSuggestions();
		reason.append(' ')
			.append(suggestions == null || suggestions.isEmpty() ? "Add another word or two; uncommon words are better."
					: String.join(" ", suggestions));
		return reason.toString();
	}

}
