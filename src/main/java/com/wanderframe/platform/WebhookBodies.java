package com.wanderframe.platform;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * A webhook's raw body, read before its signature can be checked. Anyone can post to a webhook
 * endpoint and the body is held in memory to be verified, so it is read only up to a bound (one
 * byte more tells that there is more): a bigger body cannot be a real event and answers 413.
 */
public final class WebhookBodies {

	private static final Logger log = LoggerFactory.getLogger(WebhookBodies.class);

	private WebhookBodies() {
	}

	/**
	 * @param sender who signs this webhook, for the log ("Stripe", "Replicate")
	 * @param what what it describes, for the person reading the error ("a Stripe event")
	 */
	public static byte[] read(HttpServletRequest request, int maxBytes, String sender, String what)
			throws IOException {
		if (request.getContentLengthLong() > maxBytes) {
			throw tooLarge(maxBytes, sender, what);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(maxBytes + 1);
		}
		if (body.length > maxBytes) {
			throw tooLarge(maxBytes, sender, what);
		}
		return body;
	}

	private static ApiException tooLarge(int maxBytes, String sender, String what) {
		log.warn("Refused a {} webhook larger than {} bytes", sender, maxBytes);
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "webhook_too_large",
				"This webhook is larger than " + what + " can be.");
	}

}
