package com.wanderframe.billing;

/**
 * A pack of credits on sale: {@code price} is in the currency's minor unit (cents), as Stripe
 * counts it.
 *
 * @param id the pack's key in configuration ({@code wanderframe.credits.packs.<id>.*})
 * @param stripePrice a Stripe Price id; when blank the Checkout Session carries the price itself
 */
public record CreditPack(String id, String name, int credits, long price, String currency, String stripePrice) {

	/** "€5.00"-style wording is the page's job; this is the plain amount, e.g. "5.00 EUR". */
	public String priceLabel() {
		return String.format(java.util.Locale.ROOT, "%d.%02d %s", price / 100, price % 100,
				currency.toUpperCase(java.util.Locale.ROOT));
	}

}
