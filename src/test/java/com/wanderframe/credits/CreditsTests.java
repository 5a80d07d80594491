package com.wanderframe.credits;

import java.util.Optional;
import java.util.UUID;

import com.wanderframe.ApiClient;
import com.wanderframe.Concurrently;
import com.wanderframe.account.ActingUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CreditsTests {

	@LocalServerPort
	int port;

	@Autowired
	Credits credits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	@Test
	void concurrentChargesNeverOverspend() throws Exception {
		UUID user = newUserWithBalance(7);

		long succeeded = Concurrently.run(50, 16, i -> () -> {
			try {
				credits.charge(user, 1, UUID.randomUUID(), "test");
				return true;
			}
			catch (InsufficientCreditsException refused) {
				return false;
			}
		}).stream().filter(Boolean::booleanValue).count();

		assertThat(succeeded).isEqualTo(7);
		assertThat(credits.balanceOf(user)).isZero();
		assertThat(ledgerSum(user)).isZero();
	}

	@Test
	void concurrentChargesFromRequestsOfOnePersonNeverOverspend() throws Exception {
		UUID user = newUserWithBalance(7);

		long succeeded = Concurrently.run(50, 16, i -> () -> ActingUser.callAs(user, () -> {
			try {
				return transactions.execute(status -> credits.charge(user, 1, UUID.randomUUID(), "test")) >= 0;
			}
			catch (InsufficientCreditsException refused) {
				return false;
			}
		})).stream().filter(Boolean::booleanValue).count();

		assertThat(succeeded).isEqualTo(7);
		assertThat(credits.balanceOf(user)).isZero();
		assertThat(ledgerSum(user)).isZero();
	}

	@Test
	void aRequestCannotSetItsOwnBalance() {
		UUID user = newUserWithBalance(3);

		assertThatThrownBy(() -> ActingUser.callAs(user, () -> transactions.execute(status -> jdbc
			.sql("UPDATE credit_accounts SET balance = 1000 WHERE user_id = ?")
			.param(user)
			.update()))).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> ActingUser.callAs(user, () -> transactions.execute(status -> jdbc
			.sql("INSERT INTO credit_ledger (user_id, kind, amount, reason) VALUES (?, 'grant', 1000, 'free money')")
			.param(user)
			.update()))).rootCause().hasMessageContaining("permission denied");

		assertThat(credits.balanceOf(user)).isEqualTo(3);
	}

	@Test
	void aRequestCannotSpendSomeoneElsesCredits() {
		UUID alice = newUserWithBalance(5);
		UUID bob = newUserWithBalance(5);

		assertThatThrownBy(() -> ActingUser.callAs(alice,
				() -> transactions.execute(status -> credits.charge(bob, 5, UUID.randomUUID(), "on bob"))))
			.rootCause()
			.hasMessageContaining("only the acting user's own credits");
		// A request transaction that lost its acting user is still the request role: refused too.
		assertThatThrownBy(() -> transactions.execute(status -> {
			jdbc.sql("SET LOCAL ROLE wanderframe_user").update();
			return credits.charge(bob, 5, UUID.randomUUID(), "on bob");
		})).rootCause().hasMessageContaining("only the acting user's own credits");

		assertThat(credits.balanceOf(bob)).isEqualTo(5);
		assertThat(ledgerSum(bob)).isEqualTo(5);
	}

	@Test
	void aRefundAppliedTwiceRefundsOnce() {
		UUID user = newUserWithBalance(10);
		UUID generation = UUID.randomUUID();
		credits.charge(user, 5, generation, "video");

		boolean first = credits.refund(generation, "failed");
		boolean second = credits.refund(generation, "failed again");

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(credits.balanceOf(user)).isEqualTo(10);
		assertThat(ledgerSum(user)).isEqualTo(10);
	}

	@Test
	void concurrentRefundsOfOneGenerationRefundOnce() throws Exception {
		UUID user = newUserWithBalance(10);
		UUID generation = UUID.randomUUID();
		credits.charge(user, 4, generation, "video");

		long refunded = Concurrently.run(20, 8, i -> () -> credits.refund(generation, "failed"))
			.stream()
			.filter(Boolean::booleanValue)
			.count();

		assertThat(refunded).isEqualTo(1);
		assertThat(credits.balanceOf(user)).isEqualTo(10);
		assertThat(ledgerSum(user)).isEqualTo(10);
	}

	@Test
	void aGenerationIsChargedOnlyOnce() {
		UUID user = newUserWithBalance(10);
		UUID generation = UUID.randomUUID();
		credits.charge(user, 3, generation, "video");

		assertThatThrownBy(() -> credits.charge(user, 3, generation, "video again"))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(credits.balanceOf(user)).isEqualTo(7);
	}

	@Test
	void aRefusedChargeChangesNothing() {
		UUID user = newUserWithBalance(2);
		int ledgerRows = ledgerRows(user);

		assertThatThrownBy(() -> credits.charge(user, 3, UUID.randomUUID(), "video"))
			.isInstanceOf(InsufficientCreditsException.class);
		assertThat(credits.balanceOf(user)).isEqualTo(2);
		assertThat(ledgerRows(user)).isEqualTo(ledgerRows);
	}

	@Test
	void refundingSomethingNeverChargedDoesNothing() {
		assertThat(credits.refund(UUID.randomUUID(), "nothing")).isFalse();
	}

	@Test
	void nothingIsChargedOrGrantedForZeroOrLess() {
		UUID user = newUserWithBalance(4);

		assertThatThrownBy(() -> credits.charge(user, 0, UUID.randomUUID(), "free video"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> credits.charge(user, -3, UUID.randomUUID(), "a charge that pays out"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> credits.grant(user, -1, "a grant that takes")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> credits.grant(user, 0, "an empty grant")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> credits.creditPurchase(user, 0, UUID.randomUUID(), "empty purchase"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(credits.grantWelcome(user, 0)).isFalse();
		assertThat(credits.balanceOf(user)).isEqualTo(4);
		assertThat(ledgerSum(user)).isEqualTo(4);
	}

	@Test
	void aPurchaseIsPaidInOnce() {
		UUID user = newUserWithBalance(1);
		UUID purchase = UUID.randomUUID();

		boolean first = credits.creditPurchase(user, 50, purchase, "50 credits");
		boolean again = credits.creditPurchase(user, 50, purchase, "the same checkout reported again");

		assertThat(first).isTrue();
		assertThat(again).isFalse();
		assertThat(credits.balanceOf(user)).isEqualTo(51);
		assertThat(ledgerSum(user)).isEqualTo(51);
	}

	@Test
	void aRefundedPurchaseTakesBackWhatIsLeftNeverBelowZeroAndOnce() {
		UUID partly = newUserWithBalance(10);
		UUID purchase = UUID.randomUUID();
		assertThat(credits.reclaimPurchase(partly, 4, purchase, "refunded")).isEqualTo(4);
		assertThat(credits.reclaimPurchase(partly, 4, purchase, "refund reported again")).isZero();
		assertThat(credits.balanceOf(partly)).isEqualTo(6);

		UUID spent = newUserWithBalance(3);
		assertThat(credits.reclaimPurchase(spent, 5, UUID.randomUUID(), "disputed")).isEqualTo(3);
		assertThat(credits.balanceOf(spent)).isZero();
		assertThat(ledgerSum(spent)).isZero();

		UUID empty = newUserWithBalance(0);
		int rows = ledgerRows(empty);
		assertThat(credits.reclaimPurchase(empty, 5, UUID.randomUUID(), "disputed")).isZero();
		assertThat(ledgerRows(empty)).isEqualTo(rows);
		assertThat(credits.balanceOf(empty)).isZero();
	}

	@Test
	void theWelcomeCreditsAreGivenOnceHoweverOftenAsked() {
		UUID user = newUserWithBalance(0);

		boolean first = credits.grantWelcome(user, 5);
		boolean again = credits.grantWelcome(user, 5);

		assertThat(first).isTrue();
		assertThat(again).isFalse();
		assertThat(credits.balanceOf(user)).isEqualTo(5);
	}

	@Test
	void anOperatorsGrantSubmittedTwiceGrantsOnceAndIsCounted() {
		UUID user = newUserWithBalance(2);
		UUID grant = UUID.randomUUID();
		double countedBefore = counted("wanderframe.credits.granted", "operator");

		Optional<Integer> first = credits.grantByOperator(user, 7, "ops@example.com", "sorry for the outage", grant);
		Optional<Integer> again = credits.grantByOperator(user, 7, "ops@example.com", "sorry for the outage", grant);

		assertThat(first).contains(9);
		assertThat(again).isEmpty();
		assertThat(credits.balanceOf(user)).isEqualTo(9);
		assertThat(counted("wanderframe.credits.granted", "operator") - countedBefore).isEqualTo(7);
		assertThatThrownBy(() -> credits.grantByOperator(user, 0, "ops@example.com", "nothing", UUID.randomUUID()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> credits.grantByOperator(UUID.randomUUID(), 7, "ops@example.com", "nobody",
				UUID.randomUUID()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No credit account");
		assertThat(credits.balanceOf(user)).isEqualTo(9);
	}

	@Test
	void spendingShowsWhatWasTakenAndWhatCameBackAndTheCountersAgree() {
		UUID user = newUserWithBalance(10);
		UUID failed = UUID.randomUUID();
		double chargedBefore = counted("wanderframe.credits.charged", null);
		double refundedBefore = counted("wanderframe.credits.refunded", null);

		assertThat(credits.charge(user, 3, UUID.randomUUID(), "video")).isEqualTo(7);
		assertThat(credits.charge(user, 2, failed, "video")).isEqualTo(5);
		credits.refund(failed, "failed");
		credits.refund(failed, "failed, reported twice");

		assertThat(credits.spendingOf(user)).isEqualTo(new Credits.Spending(5, 2));
		assertThat(credits.balanceOf(user)).isEqualTo(7);
		assertThat(counted("wanderframe.credits.charged", null) - chargedBefore).isEqualTo(5);
		assertThat(counted("wanderframe.credits.refunded", null) - refundedBefore).isEqualTo(2);
	}

	@Test
	void aNewcomerStartsWithTheSignUpGrantAsThePagesPromise() {
		UUID newcomer = UUID.fromString(ApiClient.signedUp(port).get("/api/me").json().path("id").asString());

		assertThat(credits.signupGrant()).isPositive();
		assertThat(credits.balanceOf(newcomer)).isEqualTo(credits.signupGrant());
		assertThat(ledgerSum(newcomer)).isEqualTo(credits.signupGrant());
	}

	@Test
	void anAccountOpenedWithTheWelcomeHeldBackStartsEmptyAndGetsItOnce() {
		UUID waiting = newPerson();
		UUID welcomed = newPerson();

		credits.open(waiting, 0);
		credits.open(welcomed);

		assertThat(credits.balanceOf(waiting)).isZero();
		assertThat(ledgerRows(waiting)).isZero();
		assertThat(credits.balanceOf(welcomed)).isEqualTo(credits.signupGrant());
		assertThat(credits.grantWelcome(waiting, credits.signupGrant())).isTrue();
		assertThat(credits.balanceOf(waiting)).isEqualTo(credits.signupGrant());
	}

	@Test
	void aSupportGrantReturnsTheNewBalanceAndIsCounted() {
		UUID user = newUserWithBalance(4);
		double countedBefore = counted("wanderframe.credits.granted", "grant");

		int after = credits.grant(user, 6, "support: sorry for the wait");

		assertThat(after).isEqualTo(10);
		assertThat(credits.balanceOf(user)).isEqualTo(10);
		assertThat(counted("wanderframe.credits.granted", "grant") - countedBefore).isEqualTo(6);
	}

	@Test
	void someoneWithoutAnAccountHasNothingToSpend() {
		UUID stranger = UUID.randomUUID();

		assertThat(credits.balanceOf(stranger)).isZero();
		assertThatThrownBy(() -> credits.charge(stranger, 1, UUID.randomUUID(), "video"))
			.isInstanceOf(RuntimeException.class);
	}

	/** Other tests in this JVM move the same counters: callers compare before and after. */
	private double counted(String name, String source) {
		Counter counter = source == null ? meters.find(name).counter() : meters.find(name).tag("source", source).counter();
		return counter == null ? 0 : counter.count();
	}

	private UUID newUserWithBalance(int balance) {
		ApiClient client = ApiClient.signedUp(port);
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		int current = credits.balanceOf(user);
		if (balance > current) {
			credits.grant(user, balance - current, "test");
		}
		else if (balance < current) {
			credits.charge(user, current - balance, UUID.randomUUID(), "test");
		}
		assertThat(credits.balanceOf(user)).isEqualTo(balance);
		return user;
	}

	/** A person row without a credit account yet, as sign-up has it just before it opens one. */
	private UUID newPerson() {
		return jdbc.sql("INSERT INTO users (email, password_hash) VALUES (?, 'not a real hash') RETURNING id")
			.param(UUID.randomUUID() + "@example.com")
			.query(UUID.class)
			.single();
	}

		private int ledgerRows(UUID user) {
		return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE user_id = ?").param(user).query(Integer.class).single();
	}

	private int ledgerSum(UUID user) {
		return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM credit_ledger WHERE user_id = ?")
			.param(user)
			.query(Integer.class)
			.single();
	}

}
