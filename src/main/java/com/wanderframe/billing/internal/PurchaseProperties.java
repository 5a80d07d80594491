package com.wanderframe.billing.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.wanderframe.billing.CreditPack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Buying credits: the packs on sale and the Stripe account that sells them.
 *
 * @param packs by id: name, credits, price (minor units), currency, optional Stripe price id
 * @param stripe the Stripe account; purchases are off while its secret key is blank
 */
@ConfigurationProperties("wanderframe.credits")
record PurchaseProperties(@DefaultValue Map<String, Pack> packs, @DefaultValue Stripe stripe) {

	record Pack(String name, int credits, long price, @DefaultValue("eur") String currency, String stripePrice) {
	}

	/**
	 * @param apiBase Stripe's API (tests point it at a fake)
	 * @param reconcileAfter an open purchase older than this is looked up at Stripe, in case its
	 * webhook never arrived
	 * @param reconcileEvery how often that look-up runs
	 * @param giveUpAfter open purchases older than this are no longer looked up (Checkout Sessions
	 * expire after 24 hours)
	 */
	record Stripe(String secretKey, String webhookSecret, @DefaultValue("https://api.stripe.com") String apiBase,
			@DefaultValue("5m") Duration reconcileAfter, @DefaultValue("1m") Duration reconcileEvery,
			@DefaultValue("48h") Duration giveUpAfter) {

		boolean configured() {
			return StringUtils.hasText(secretKey) && StringUtils.hasText(webhookSecret);
		}

		/** Never print the keys, only whether they are there. */
		@Override
		public String toString() {
			return "Stripe[secretKey=" + (StringUtils.hasText(secretKey) ? "set" : "unset") + ", webhookSecret="
					+ (StringUtils.hasText(webhookSecret) ? "set" : "unset") + ", apiBase=" + apiBase + "]";
		}

	}

	List<CreditPack> creditPacks() {
		return packs.entrySet()
			.stream()
			.filter(entry -> entry.getValue().credits() > 0 && entry.getValue().price() > 0)
			.map(entry -> new CreditPack(entry.getKey(),
					StringUtils.hasText(entry.getValue().name()) ? entry.getValue().name() : entry.getKey(),
					entry.getValue().credits(), entry.getValue().price(), entry.getValue().currency().toLowerCase(),
					entry.getValue().stripePrice()))
			.sorted(Comparator.comparingLong(CreditPack::price).thenComparing(CreditPack::id))
			.toList();
	}

}
