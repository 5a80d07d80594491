package com.wanderframe.billing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.WebhookBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Stripe reports payments. Public and CSRF-exempt: the {@code Stripe-Signature} over the
 * raw body is the authentication (stripe-java's {@link Webhook} checks the {@code t=} timestamp
 * against a 5-minute tolerance and compares the {@code v1=} HMAC-SHA256 in constant time).
 * <p>
 * A Checkout event only says which session changed; the session is then read back from Stripe
 * and settled from what Stripe says now, the same path the reconciliation job takes. A failure
 * answers 5xx, so Stripe delivers the event again later.
 */
@RestController
class StripeWebhookController {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

	/** Stripe's events are a few kilobytes; anyone can post here, so a body is read only this far. */
	static final int MAX_BODY = 512 * 1024;

	private static final long TOLERANCE_SECONDS = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PurchaseProperties properties;

	private final Purchases purchases;

	private final StripeGateway stripe;

	StripeWebhookController(PurchaseProperties properties, Purchases purchases, StripeGateway stripe) {
		this.properties = properties;
		this.purchases = purchases;
		this.stripe = stripe;
	}

	@PostMapping("/api/webhooks/stripe")
	ResponseEntity<Void> receive(@RequestHeader(name = "Stripe-Signature", required = false) String signature,
			HttpServletRequest request) throws IOException {
		if (!properties.stripe().configured()) {
			throw new ApiException(HttpStatus.NOT_FOUND, "purchases_disabled", "This Wanderframe does not sell credits.");
		}
		String payload = new String(WebhookBodies.read(request, MAX_BODY, "Stripe", "a Stripe event"),
				StandardCharsets.UTF_8);
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature == null ? "" : signature,
					properties.stripe().webhookSecret(), TOLERANCE_SECONDS);
		}
		catch (SignatureVerificationException | RuntimeException ex) {
			log.warn("Refused a Stripe webhook with a missing, stale or wrong signature");
			throw ApiException.badRequest("invalid_webhook_signature",
					"This webhook is not signed by Stripe, or its signature is too old.");
		}
		JsonNode object = JSON.readTree(event.getDataObjectDeserializer().getRawJson());
		switch (event.getType()) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded",
					"checkout.session.async_payment_failed", "checkout.session.expired" ->
				stripe.retrieve(object.path("id").asString()).ifPresent(purchases::settle);
			case "charge.refunded" -> purchases.reverse(text(object, "payment_intent"), "refunded");
			case "charge.dispute.created" -> purchases.reverse(text(object, "payment_intent"), "disputed");
			default -> log.debug("Stripe event {} of type {} needs nothing from us", event.getId(), event.getType());
		}
		return ResponseEntity.ok().build();
	}

	private static String text(JsonNode object, String field) {
		JsonNode value = object.path(field);
		return value.isString() ? value.asString() : null;
	}

}
