package com.wanderframe.replicate.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Replicate's webhook signatures (the Standard Webhooks scheme): HMAC-SHA256 over
 * {@code webhook-id.webhook-timestamp.rawBody} with the secret's key, sent base64-encoded in
 * {@code webhook-signature} as space-separated {@code v1,<signature>} entries (several while a
 * secret rotates; one match is enough). Timestamps more than five minutes away from our clock, in
 * either direction, are refused so a captured delivery cannot be replayed later.
 */
@Component
class ReplicateWebhookVerifier {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final Supplier<byte[]> key;

	private final Clock clock;

	@Autowired
	ReplicateWebhookVerifier(ReplicateWebhookSecret secret) {
		this(secret::key, Clock.systemUTC());
	}

	ReplicateWebhookVerifier(Supplier<byte[]> key, Clock clock) {
		this.key = key;
		this.clock = clock;
	}

	/** Whether the delivery is Replicate's, unaltered and recent. Any missing part means no. */
	boolean verify(String webhookId, String timestamp, String signatures, byte[] body) {
		if (isBlank(webhookId) || isBlank(timestamp) || isBlank(signatures) || body == null) {
			return false;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
		if (age.compareTo(TOLERANCE) > 0) {
			return false;
		}
		byte[] expected = hmac(webhookId.trim(), timestamp.trim(), body);
		boolean matched = false;
		for (String entry : signatures.trim().split(" +")) {
			int comma = entry.indexOf(',');
			if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
				continue;
			}
			byte[] candidate;
			try {
				candidate = Base64.getDecoder().decode(entry.substring(comma + 1));
			}
			catch (IllegalArgumentException notBase64) {
				continue;
			}
			// Constant time, and every entry checked, so timing tells nothing about which matched.
			matched |= MessageDigest.isEqual(expected, candidate);
		}
		return matched;
	}

	private byte[] hmac(String webhookId, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
			mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
