package com.wanderframe.billing.internal;

import java.time.Instant;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.wanderframe.billing.CreditPack;
import com.wanderframe.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The two Stripe calls a purchase needs, through the official client: create a Checkout Session
 * and read one back. Reading back is how every payment is confirmed, whether a webhook or the
 * reconciliation job asks: a webhook's payload is only a hint of which session changed.
 */
@Component
class StripeGateway {

	private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

	/** Stripe's shortest allowed Checkout lifetime: an abandoned checkout stops being looked up soon. */
	static final java.time.Duration CHECKOUT_LIFETIME = java.time.Duration.ofMinutes(30);

	private final StripeClient client;

	StripeGateway(PurchaseProperties properties) {
		PurchaseProperties.Stripe stripe = properties.stripe();
		this.client = StripeClient.builder()
			.setApiKey(stripe.configured() ? stripe.secretKey() : "sk_unconfigured")
			.setApiBase(stripe.apiBase())
			.setConnectTimeout(5_000)
			.setReadTimeout(20_000)
			// Creates carry an idempotency key (the purchase id), so a retried create is the same session.
			.setMaxNetworkRetries(2)
			.build();
	}

	Session createCheckout(UUID purchase, UUID user, String email, CreditPack pack, String successUrl,
			String cancelUrl) {
		SessionCreateParams.LineItem.Builder item = SessionCreateParams.LineItem.builder().setQuantity(1L);
		if (pack.stripePrice() != null && !pack.stripePrice().isBlank()) {
			item.setPrice(pack.stripePrice());
		}
		else {
			item.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
				.setCurrency(pack.currency())
				.setUnitAmount(pack.price())
				.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
					.setName(pack.name() + " · " + pack.credits() + " Wanderframe credits")
					.build())
				.build());
		}
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.addLineItem(item.build())
			.setClientReferenceId(purchase.toString())
			.putMetadata("purchase_id", purchase.toString())
			.putMetadata("user_id", user.toString())
			.putMetadata("pack", pack.id())
			.setCustomerEmail(email)
			.setSuccessUrl(successUrl)
			.setCancelUrl(cancelUrl)
			.setExpiresAt(Instant.now().plus(CHECKOUT_LIFETIME).plusSeconds(60).getEpochSecond())
			.build();
		try {
			return client.v1()
				.checkout()
				.sessions()
				.create(params, RequestOptions.builder().setIdempotencyKey("purchase-" + purchase).build());
		}
		catch (StripeException ex) {
			throw unavailable("create a Checkout Session", ex);
		}
	}

	/** The session as Stripe has it now; empty when Stripe has no such session (404). */
	java.util.Optional<Session> retrieve(String checkoutSessionId) {
		try {
			return java.util.Optional.of(client.v1().checkout().sessions().retrieve(checkoutSessionId));
		}
		catch (StripeException ex) {
			if (Integer.valueOf(404).equals(ex.getStatusCode())) {
				return java.util.Optional.empty();
			}
			throw unavailable("read Checkout Session " + checkoutSessionId, ex);
		}
	}

	private static ApiException unavailable(String what, StripeException ex) {
		// Stripe's messages name the request, never the key; the status and code are enough here.
		log.warn("Stripe could not {}: HTTP {} {}", what, ex.getStatusCode(), ex.getCode());
		return new ApiException(HttpStatus.BAD_GATEWAY, "payment_provider_unavailable",
				"The payment provider is not answering right now. Please try again in a minute.");
	}

}
