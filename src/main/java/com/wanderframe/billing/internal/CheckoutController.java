package com.wanderframe.billing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.billing.CreditPack;
import com.wanderframe.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Buying a pack: start a Stripe Checkout, then follow the purchase until its credits arrive. */
@RestController
class CheckoutController {

	private final Purchases purchases;

	CheckoutController(Purchases purchases) {
		this.purchases = purchases;
	}

	@GetMapping("/api/credits/packs")
	PacksResponse packs() {
		return new PacksResponse(purchases.enabled(), purchases.packs());
	}

	record PacksResponse(boolean purchasesEnabled, List<CreditPack> packs) {
	}

	@PostMapping("/api/credits/checkout")
	@ResponseStatus(HttpStatus.CREATED)
	CheckoutResponse checkout(@AuthenticationPrincipal SignedInUser user, @RequestBody CheckoutRequest request) {
		if (request == null || request.pack() == null || request.pack().isBlank()) {
			throw ApiException.badRequest("pack_required", "Choose a credit pack.");
		}
		// Back to this app as the person reaches it (behind a trusted proxy: its public address).
		String returnBase = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		Purchases.Checkout checkout = purchases.start(user.id(), user.email(), request.pack(), returnBase);
		return new CheckoutResponse(checkout.purchase(), checkout.url());
	}

	record CheckoutRequest(String pack) {
	}

	record CheckoutResponse(UUID purchaseId, String url) {
	}

	@GetMapping("/api/credits/purchases/{id}")
	PurchaseResponse purchase(@PathVariable UUID id) {
		Purchases.PurchaseView view = purchases.find(id)
			.orElseThrow(() -> ApiException.notFound("purchase_not_found", "There is no such purchase."));
		return new PurchaseResponse(view.id(), view.pack(), view.credits(), view.amount(), view.currency(),
				view.status(), view.createdAt(), view.fulfilledAt(), view.balance());
	}

	/** @param balance the person's balance now, so the page can show the credits arriving */
	record PurchaseResponse(UUID id, String pack, int credits, long amount, String currency, String status,
			Instant createdAt, Instant fulfilledAt, int balance) {
	}

}
