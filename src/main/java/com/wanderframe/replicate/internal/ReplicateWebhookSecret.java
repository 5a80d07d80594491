package com.wanderframe.replicate.internal;

import java.util.Base64;

import com.wanderframe.replicate.ReplicateException;

import org.springframework.stereotype.Component;

/**
 * The key Replicate signs webhooks with: {@code REPLICATE_WEBHOOK_SECRET}, or else fetched once
 * from {@code GET /webhooks/default/secret} and kept (a failed fetch is tried again on the next
 * webhook).
 */
@Component
class ReplicateWebhookSecret {

	private static final String PREFIX = "whsec_";

	private final ReplicateProperties properties;

	private final HttpReplicateClient client;

	private volatile byte[] key;

	ReplicateWebhookSecret(ReplicateProperties properties, HttpReplicateClient client) {
		this.properties = properties;
		this.client = client;
	}

	/** Whether a key is configured or can be fetched with the API token. */
	boolean isAvailable() {
		return properties.webhookSecret() != null || client.isConfigured();
	}

	/**
	 * The HMAC key: the base64 after {@code whsec_}, decoded.
	 * @throws ReplicateException when it must be fetched and Replicate cannot be reached
	 */
	byte[] key() {
		byte[] known = key;
		if (known == null) {
			synchronized (this) {
				known = key;
				if (known == null) {
					String secret = properties.webhookSecret() != null ? properties.webhookSecret()
							: client.fetchWebhookSecret();
					known = decode(secret);
					key = known;
				}
			}
		}
		return known.clone();
	}

	private static byte[] decode(String secret) {
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		try {
			return Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			// Not the secret itself in the message: it is a credential too.
			throw new IllegalStateException("The Replicate webhook secret is not whsec_ followed by base64");
		}
	}

}
