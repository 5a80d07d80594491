package com.wanderframe.billing;

import java.util.List;

/** What the pages need to know about buying credits. */
public interface CreditPurchases {

	/** Whether this deployment sells credits (Stripe is configured). */
	boolean enabled();

	/** The packs on sale, cheapest first; empty when purchases are off. */
	List<CreditPack> packs();

}
