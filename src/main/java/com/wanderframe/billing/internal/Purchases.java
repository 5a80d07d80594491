package com.wanderframe.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.stripe.model.checkout.Session;
import com.wanderframe.account.ActingUser;
import com.wanderframe.billing.CreditPack;
import com.wanderframe.billing.CreditPurchases;
import com.wanderframe.credits.Credits;
import com.wanderframe.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Buying credits. A purchase is written before the person leaves for Stripe, and its credits are
 * granted only when Stripe itself says the Checkout Session is paid, read back from Stripe's API
 * (never from a browser, never from a webhook's payload alone). Webhooks and the reconciliation
 * job both end in {@link #settle(Session)}, which grants at most once: the purchase moves from
 * {@code open} to {@code fulfilled} in the same statement that writes its ledger row.
 */
@Service
class Purchases implements CreditPurchases {

	private static final Logger log = LoggerFactory.getLogger(Purchases.class);

	private final PurchaseProperties properties;

	private final StripeGateway stripe;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Credits credits;

	Purchases(PurchaseProperties properties, StripeGateway stripe, JdbcClient jdbc,
			TransactionOperations transactions, Credits credits) {
		this.properties = properties;
		this.stripe = stripe;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.credits = credits;
	}

	@Override
	public boolean enabled() {
		return properties.stripe().configured();
	}

	@Override
	public List<CreditPack> packs() {
		return enabled() ? properties.creditPacks() : List.of();
	}

	/**
	 * Records an open purchase and creates its Checkout Session.
	 * @param returnBase where Stripe sends the person back (this app's address as they reach it)
	 * @return the Checkout page to send the person to
	 */
	Checkout start(UUID user, String email, String packId, String returnBase) {
		if (!enabled()) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "purchases_disabled",
					"This Wanderframe does not sell credits. Ask the people who run it to grant you some.");
		}
		CreditPack pack = packs().stream()
			.filter(candidate -> candidate.id().equals(packId))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("unknown_pack", "There is no such credit pack."));
		UUID purchase = UUID.randomUUID();
		// Written by the server, not the person: the request role may only read purchases.
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			transactions.executeWithoutResult(status -> jdbc.sql("""
					INSERT INTO credit_purchases (id, user_id, pack, credits, amount, currency)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(purchase, user, pack.id(), pack.credits(), pack.price(), pack.currency()).update());
			Session session;
			try {
				session = stripe.createCheckout(purchase, user, email, pack,
						returnBase + "/credits/return?purchase=" + purchase, returnBase + "/credits?canceled=true");
			}
			catch (RuntimeException ex) {
				// No session, no purchase: nothing is left behind for a checkout that never began.
				transactions.executeWithoutResult(
						status -> jdbc.sql("DELETE FROM credit_purchases WHERE id = ?").param(purchase).update());
				throw ex;
			}
			transactions.executeWithoutResult(
					status -> jdbc.sql("UPDATE credit_purchases SET checkout_session_id = ? WHERE id = ?")
						.params(session.getId(), purchase)
						.update());
			return new Checkout(purchase, session.getUrl());
		}
	}

	record Checkout(UUID purchase, String url) {
	}

	/** The caller's purchase (row-level security, which holds inside transactions, hides everyone else's). */
	Optional<PurchaseView> find(UUID purchase) {
		return transactions.execute(status -> jdbc.sql("""
				SELECT p.id, p.pack, p.credits, p.amount, p.currency, p.status, p.created_at, p.fulfilled_at,
				       a.balance
				FROM credit_purchases p JOIN credit_accounts a ON a.user_id = p.user_id
				WHERE p.id = ?
				""")
			.param(purchase)
			.query((rs, row) -> new PurchaseView(rs.getObject("id", UUID.class), rs.getString("pack"),
					rs.getInt("credits"), rs.getLong("amount"), rs.getString("currency"), rs.getString("status"),
					rs.getTimestamp("created_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("fulfilled_at")).map(java.sql.Timestamp::toInstant).orElse(null),
					rs.getInt("balance")))
			.optional());
	}

	record PurchaseView(UUID id, String pack, int credits, long amount, String currency, String status,
			Instant createdAt, Instant fulfilledAt, int balance) {
	}

	/**
	 * Brings a purchase in line with its Checkout Session as Stripe reports it: paid → credits
	 * granted (once), expired → closed. Anything else waits.
	 * @return whether this call granted the credits
	 */
	boolean settle(Session session) {
		return Boolean.TRUE.equals(transactions.execute(status -> settleInTransaction(session)));
	}

	private boolean settleInTransaction(Session session) {
		Optional<LockedPurchase> open = jdbc.sql("""
				SELECT id, user_id, credits, amount, currency FROM credit_purchases
				WHERE checkout_session_id = ? AND status = 'open' FOR UPDATE
				""")
			.param(session.getId())
			.query(Purchases::lockedPurchase)
			.optional();
		if (open.isEmpty()) {
			return false;
		}
		LockedPurchase purchase = open.get();
		if ("expired".equals(session.getStatus())) {
			jdbc.sql("UPDATE credit_purchases SET status = 'expired' WHERE id = ? AND status = 'open'")
				.param(purchase.id())
				.update();
			return false;
		}
		boolean paid = "complete".equals(session.getStatus()) && ("paid".equals(session.getPaymentStatus())
				|| "no_payment_required".equals(session.getPaymentStatus()));
		if (!paid) {
			return false;
		}
		if (session.getAmountTotal() == null || session.getAmountTotal() != purchase.amount()
				|| !purchase.currency().equalsIgnoreCase(session.getCurrency())) {
			log.error("Checkout Session {} was paid {} {} but purchase {} asks {} {}: not granted, for an operator",
					session.getId(), session.getAmountTotal(), session.getCurrency(), purchase.id(), purchase.amount(),
					purchase.currency());
			return false;
		}
		// Leaving 'open' and paying in commit together: whoever moves the purchase pays it, once.
		boolean granted = jdbc.sql("""
				UPDATE credit_purchases
				SET status = 'fulfilled', payment_intent_id = ?, fulfilled_at = now()
				WHERE id = ? AND status = 'open'
				""").params(session.getPaymentIntent(), purchase.id()).update() == 1
				&& credits.creditPurchase(purchase.user(), purchase.credits(), purchase.id(),
						"Bought " + purchase.credits() + " credits");
		if (granted) {
			log.info("Purchase {} paid: {} credits granted", purchase.id(), purchase.credits());
		}
		return granted;
	}

	/** A purchase row held FOR UPDATE while it is settled or reversed. */
	private record LockedPurchase(UUID id, UUID user, int credits, long amount, String currency) {
	}

	private static LockedPurchase lockedPurchase(ResultSet rs, int row) throws SQLException {
		return new LockedPurchase(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getInt("credits"), rs.getLong("amount"), rs.getString("currency"));
	}

	/**
	 * Takes a paid purchase's credits back after Stripe refunded its payment or it was disputed:
	 * as many as the balance still holds (it never goes below zero); what was already spent is
	 * recorded on the purchase for an operator. Once per purchase, however often Stripe tells us.
	 * @param outcome {@code refunded} or {@code disputed}
	 */
	void reverse(String paymentIntent, String outcome) {
		if (paymentIntent == null) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			Optional<LockedPurchase> paid = jdbc.sql("""
					SELECT id, user_id, credits, amount, currency FROM credit_purchases
					WHERE payment_intent_id = ? AND status = 'fulfilled' FOR UPDATE
					""")
				.param(paymentIntent)
				.query(Purchases::lockedPurchase)
				.optional();
			if (paid.isEmpty()) {
				return;
			}
			LockedPurchase purchase = paid.get();
			int reclaimed = credits.reclaimPurchase(purchase.user(), purchase.credits(), purchase.id(),
					"Purchase " + outcome);
			int unreclaimed = purchase.credits() - reclaimed;
			jdbc.sql("""
					UPDATE credit_purchases SET status = ?, reclaimed_credits = ?, unreclaimed_credits = ?,
					    reversed_at = now()
					WHERE id = ?
					""").params(outcome, reclaimed, unreclaimed, purchase.id()).update();
			if (unreclaimed > 0) {
				log.warn("Purchase {} {}: {} of its {} credits were already spent and could not be taken back",
						purchase.id(), outcome, unreclaimed, purchase.credits());
			}
			else {
				log.info("Purchase {} {}: its {} credits were taken back", purchase.id(), outcome, reclaimed);
			}
		});
	}

	/**
	 * Asks Stripe about purchases still open after {@code reconcileAfter}: credits arrive even when
	 * every webhook is lost.
	 * @return how many purchases this run fulfilled
	 */
	int reconcile() {
		if (!enabled()) {
			return 0;
		}
		PurchaseProperties.Stripe settings = properties.stripe();
		Instant now = Instant.now();
		List<String> sessions = transactions.execute(status -> jdbc.sql("""
				SELECT checkout_session_id FROM credit_purchases
				WHERE status = 'open' AND checkout_session_id IS NOT NULL AND created_at <= ? AND created_at > ?
				ORDER BY created_at LIMIT 100
				""")
			.params(java.sql.Timestamp.from(now.minus(settings.reconcileAfter())),
					java.sql.Timestamp.from(now.minus(settings.giveUpAfter())))
			.query(String.class)
			.list());
		int fulfilled = 0;
		for (String session : sessions) {
			try {
				Optional<Session> found = stripe.retrieve(session);
				if (found.isEmpty()) {
					// Stripe has no such session (another account's key, or deleted): it can never be paid.
					log.warn("Stripe knows no Checkout Session {}; its purchase is closed as expired", session);
					transactions.executeWithoutResult(status -> jdbc.sql(
							"UPDATE credit_purchases SET status = 'expired' WHERE checkout_session_id = ? AND status = 'open'")
						.param(session)
						.update());
				}
				else if (settle(found.get())) {
					fulfilled++;
				}
			}
			catch (ApiException unavailable) {
				// Stripe is not answering: the next run tries again.
				break;
			}
		}
		if (fulfilled > 0) {
			log.info("Reconciliation fulfilled {} purchase(s) whose webhook had not arrived", fulfilled);
		}
		return fulfilled;
	}

}
