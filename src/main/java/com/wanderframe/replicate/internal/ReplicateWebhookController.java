package com.wanderframe.replicate.internal;

import java.io.IOException;

import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.WebhookBodies;
import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.PredictionUpdated;
import com.wanderframe.replicate.ReplicateException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Replicate reports on predictions. Public and CSRF-exempt (see SecurityConfiguration):
 * the signature over the raw body is the authentication, so the body is read as bytes (at most
 * {@value #MAX_BODY} of them) and verified before anything parses it.
 * <p>
 * A verified delivery is published as {@link PredictionUpdated} inside a transaction, so both
 * plain and transactional listeners ({@code @ApplicationModuleListener}) receive it. Replicate
 * delivers some updates more than once (retries keep the same {@code webhook-id}); we publish each
 * delivery and rely on listeners being idempotent rather than remembering ids, because the
 * polling reconciliation produces the same updates anyway.
 */
@RestController
class ReplicateWebhookController {

	/** Where Replicate posts its webhooks. */
	static final String PATH = "/api/webhooks/replicate";

	private static final Logger log = LoggerFactory.getLogger(ReplicateWebhookController.class);

	/** 1 MiB: far more than any prediction we ask for (with its logs), far less than hurts. */
	static final int MAX_BODY = 1024 * 1024;

	private final ReplicateWebhookSecret secret;

	private final ReplicateWebhookVerifier verifier;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	ReplicateWebhookController(ReplicateWebhookSecret secret, ReplicateWebhookVerifier verifier,
			ApplicationEventPublisher events, TransactionOperations transactions) {
		this.secret = secret;
		this.verifier = verifier;
		this.events = events;
		this.transactions = transactions;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> receive(@RequestHeader(name = "webhook-id", required = false) String webhookId,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature,
			HttpServletRequest request) throws IOException {
		byte[] body = WebhookBodies.read(request, MAX_BODY, "Replicate", "a prediction");
		if (!verified(webhookId, timestamp, signature, body)) {
			log.warn("Refused a Replicate webhook with a missing, stale or wrong signature (webhook-id {})",
					webhookId);
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_webhook_signature",
					"This webhook is not signed by Replicate, or its signature is too old.");
		}
		Prediction prediction;
		try {
			prediction = PredictionJson.parse(body);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("invalid_webhook_body", "This webhook does not describe a prediction.");
		}
		log.debug("Replicate webhook {}: prediction {} is {}", webhookId, prediction.id(), prediction.status());
		transactions.executeWithoutResult(status -> events.publishEvent(new PredictionUpdated(prediction)));
		return ResponseEntity.noContent().build();
	}

	private boolean verified(String webhookId, String timestamp, String signature, byte[] body) {
		if (!secret.isAvailable()) {
			log.warn("A Replicate webhook arrived, but neither REPLICATE_WEBHOOK_SECRET nor REPLICATE_API_TOKEN "
					+ "is set to verify it");
			return false;
		}
		try {
			return verifier.verify(webhookId, timestamp, signature, body);
		}
		catch (ReplicateException ex) {
			// Replicate retries the final webhook for a while; the reconciliation poll covers the rest.
			log.warn("Could not fetch Replicate's webhook secret: {}", ex.getMessage());
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "webhook_secret_unavailable",
					"The webhook cannot be verified right now. Try again later.");
		}
	}

}
