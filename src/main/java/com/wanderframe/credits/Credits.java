package com.wanderframe.credits;

import java.util.Optional;
import java.util.UUID;

import com.wanderframe.observability.CreditMetrics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money. Every change is a single SQL statement that moves the balance and appends its
 * ledger row together, guarded by the database rather than by a read-then-write in Java: the
 * balance cannot go negative ({@code CHECK}), and a generation has at most one charge and one
 * refund ({@code UNIQUE (reference, kind)}).
 */
@Service
@Transactional
public class Credits {

	private final JdbcClient jdbc;

	private final CreditMetrics metrics;

	/** What a new account starts with ({@code WANDERFRAME_SIGNUP_CREDITS}): this module's setting alone. */
	private final int signupGrant;

	Credits(JdbcClient jdbc, CreditMetrics metrics, @Value("${wanderframe.credits.signup-grant:10}") int signupGrant) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.signupGrant = Math.max(0, signupGrant);
	}

	/** What a new account starts with, as the pages promise it. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public int signupGrant() {
		return signupGrant;
	}

	/** Opens the account of a new person with the starting grant. */
	public void open(UUID user) {
		open(user, signupGrant);
	}

	/**
	 * Opens the account of a new person with {@code grant} credits (0 while the welcome grant is
	 * held back, e.g. until an email address is verified).
	 */
	public void open(UUID user, int grant) {
		jdbc.sql("INSERT INTO credit_accounts (user_id, balance) VALUES (?, 0)").param(user).update();
		if (grant > 0) {
			grant(user, grant, "Welcome credits");
		}
	}

	@Transactional(readOnly = true)
	public int balanceOf(UUID user) {
		return jdbc.sql("SELECT balance FROM credit_accounts WHERE user_id = ?")
			.param(user)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** What a person's generations took from their balance and what failures gave back, over all time. */
	public record Spending(int spent, int refunded) {
	}

	/** Reads the ledger in the caller's transaction, so row-level security applies to it. */
	@Transactional(readOnly = true)
	public Spending spendingOf(UUID user) {
		return jdbc.sql("""
				SELECT coalesce(sum(-amount) FILTER (WHERE kind = 'charge'), 0) AS spent,
				       coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0) AS refunded
				FROM credit_ledger WHERE user_id = ?
				""")
			.param(user)
			.query((rs, row) -> new Spending(rs.getInt("spent"), rs.getInt("refunded")))
			.single();
	}

	/**
	 * Takes {@code amount} for the generation {@code reference}.
	 * @return the balance after the charge
	 * @throws InsufficientCreditsException when the balance does not cover it; nothing changes
	 */
	public int charge(UUID user, int amount, UUID reference, String reason) {
		if (amount <= 0) {
			throw new IllegalArgumentException("A charge must be positive");
		}
		// The database function is the only way a request may touch a balance (V7): it debits
		// and writes the ledger row in one statement, and only from the acting user's account.
		int balance = jdbc.sql("SELECT charge_credits(:user, :amount, :reference, :reason)")
			.param("user", user)
			.param("amount", amount)
			.param("reference", reference)
			.param("reason", reason)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new InsufficientCreditsException(amount));
		metrics.charged(amount);
		return balance;
	}

	/**
	 * Gives back what the generation {@code reference} was charged, once: a second call, from a
	 * duplicate webhook or a retried job, changes nothing.
	 * @return whether this call refunded
	 */
	public boolean refund(UUID reference, String reason) {
		Optional<Integer> refunded = jdbc.sql("""
				WITH refund AS (
				    INSERT INTO credit_ledger (user_id, kind, amount, reference, reason)
				    SELECT user_id, 'refund', -amount, reference, :reason
				    FROM credit_ledger WHERE reference = :reference AND kind = 'charge'
				    ON CONFLICT (reference, kind) DO NOTHING
				    RETURNING user_id, amount)
				UPDATE credit_accounts account SET balance = account.balance + refund.amount
				FROM refund WHERE account.user_id = refund.user_id
				RETURNING refund.amount
				""")
			.param("reference", reference)
			.param("reason", reason)
			.query(Integer.class)
			.optional();
		refunded.ifPresent(metrics::refunded);
		return refunded.isPresent();
	}

	/**
	 * Pays a purchase's credits in, once: a second call for the same {@code purchase} changes
	 * nothing ({@code UNIQUE (reference, kind)}). Call it in the transaction that marks the
	 * purchase paid.
	 * @return whether this call added the credits
	 */
	public boolean creditPurchase(UUID user, int amount, UUID purchase, String reason) {
		if (amount <= 0) {
			throw new IllegalArgumentException("A purchase must be positive");
		}
		return jdbc.sql("""
				WITH entry AS (
				    INSERT INTO credit_ledger (user_id, kind, amount, reference, reason)
				    VALUES (:user, 'purchase', :amount, :purchase, :reason)
				    ON CONFLICT (reference, kind) DO NOTHING
				    RETURNING user_id, amount)
				UPDATE credit_accounts account SET balance = account.balance + entry.amount
				FROM entry WHERE account.user_id = entry.user_id
				""")
			.param("user", user)
			.param("amount", amount)
			.param("purchase", purchase)
			.param("reason", reason)
			.update() == 1;
	}

	/**
	 * Takes back up to {@code amount} of a purchase's credits (after a refund or a dispute), as
	 * many as the balance still holds: it never goes below zero. Once per purchase.
	 * @return how many credits were taken back
	 */
	public int reclaimPurchase(UUID user, int amount, UUID purchase, String reason) {
		// The account row is locked first, so a charge running at the same time cannot spend
		// what is being taken back.
		int balance = jdbc.sql("SELECT balance FROM credit_accounts WHERE user_id = ? FOR UPDATE")
			.param(user)
			.query(Integer.class)
			.single();
		int reclaimed = Math.min(balance, amount);
		if (reclaimed <= 0) {
			return 0;
		}
		return jdbc.sql("""
				WITH entry AS (
				    INSERT INTO credit_ledger (user_id, kind, amount, reference, reason)
				    VALUES (:user, 'purchase_reversal', :amount, :purchase, :reason)
				    ON CONFLICT (reference, kind) DO NOTHING
				    RETURNING user_id, amount)
				UPDATE credit_accounts account SET balance = account.balance + entry.amount
				FROM entry WHERE account.user_id = entry.user_id
				""")
			.param("user", user)
			.param("amount", -reclaimed)
			.param("purchase", purchase)
			.param("reason", reason)
			.update() == 1 ? reclaimed : 0;
	}

	/**
	 * The welcome credits of an account that opened without them (waiting for its email to be
	 * verified): given at most once per person, however often this is called.
	 * @return whether this call gave them
	 */
	public boolean grantWelcome(UUID user, int amount) {
		if (amount <= 0) {
			return false;
		}
		return jdbc.sql("""
				WITH entry AS (
				    INSERT INTO credit_ledger (user_id, kind, amount, reference, reason)
				    VALUES (:user, 'grant', :amount, :user, 'Welcome credits')
				    ON CONFLICT (reference, kind) DO NOTHING
				    RETURNING user_id, amount)
				UPDATE credit_accounts account SET balance = account.balance + entry.amount
				FROM entry WHERE account.user_id = entry.user_id
				""")
			.param("user", user)
			.param("amount", amount)
			.update() == 1;
	}

	/** Adds credits (sign-up, support). @return the balance after the grant */
	public int grant(UUID user, int amount, String reason) {
		if (amount <= 0) {
			throw new IllegalArgumentException("A grant must be positive");
		}
		metrics.granted(amount, "grant");
		return jdbc.sql("""
				WITH entry AS (
				    INSERT INTO credit_ledger (user_id, kind, amount, reason)
				    VALUES (:user, 'grant', :amount, :reason)
				    RETURNING user_id, amount)
				UPDATE credit_accounts account SET balance = account.balance + entry.amount
				FROM entry WHERE account.user_id = entry.user_id
				RETURNING account.balance
				""")
			.param("user", user)
			.param("amount", amount)
			.param("reason", reason)
			.query(Integer.class)
			.single();
	}

	/**
	 * An operator's grant (from the admin dashboard): its own ledger kind, naming the operator and
	 * the reason. {@code grantId} is the grant's reference, so the same grant sent twice (a form
	 * submitted again) grants once.
	 * @return the balance after the grant, or empty when this grant had already been made
	 * @throws IllegalArgumentException when the person has no credit account; nothing changes
	 */
	public Optional<Integer> grantByOperator(UUID user, int amount, String operator, String reason, UUID grantId) {
		if (amount <= 0) {
			throw new IllegalArgumentException("A grant must be positive");
		}
		if (jdbc.sql("SELECT count(*) FROM credit_accounts WHERE user_id = ?").param(user).query(Integer.class).single() == 0) {
			throw new IllegalArgumentException("No credit account for " + user);
		}
		Optional<Integer> balance = jdbc.sql("""
				WITH entry AS (
				    INSERT INTO credit_ledger (user_id, kind, amount, reference, reason, operator)
				    VALUES (:user, 'operator_grant', :amount, :grant, :reason, :operator)
				    ON CONFLICT (reference, kind) DO NOTHING
				    RETURNING user_id, amount)
				UPDATE credit_accounts account SET balance = account.balance + entry.amount
				FROM entry WHERE account.user_id = entry.user_id
				RETURNING account.balance
				""")
			.param("user", user)
			.param("amount", amount)
			.param("grant", grantId)
			.param("reason", reason)
			.param("operator", operator)
			.query(Integer.class)
			.optional();
		balance.ifPresent(after -> metrics.granted(amount, "operator"));
		return balance;
	}

}
