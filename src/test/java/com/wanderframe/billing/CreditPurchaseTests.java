package com.wanderframe.billing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wanderframe.ApiClient;
import com.wanderframe.credits.Credits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Buying credits against a fake Stripe that speaks Stripe's contract: every purchase grants its
 * pack exactly once, whatever the webhooks do, and the balance always equals the ledger.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wanderframe.credits.stripe.reconcile-after=1s", "wanderframe.credits.stripe.reconcile-every=1s" })
class CreditPurchaseTests {

	static final FakeStripe stripe = new FakeStripe();

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		stripe.register(registry);
	}

	@AfterAll
	static void stopStripe() {
		stripe.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Credits credits;

	@BeforeEach
	void resetStripe() {
		stripe.reset();
		stripe.webhookTarget(URI.create("http://localhost:" + port + "/api/webhooks/stripe"));
	}

	@Test
	void aPaidCheckoutGrantsThePackOnceThoughItsWebhookArrivesThreeTimesAndReconciliationSeesItToo() {
		ApiClient person = ApiClient.signedUp(port);
		ApiClient.Response checkout = person.post("/api/credits/checkout", "{\"pack\":\"starter\"}");

		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String url = checkout.json().path("url").asString();
		assertThat(url).startsWith(stripe.baseUrl() + "/pay/cs_test_");
		ObjectNode session = stripe.sessions().get(0);
		String purchase = checkout.json().path("purchaseId").asString();
		assertThat(session.path("amount_total").asLong()).isEqualTo(500);
		assertThat(session.path("currency").asString()).isEqualTo("eur");
		assertThat(session.path("metadata").path("purchase_id").asString()).isEqualTo(purchase);
		assertThat(session.path("client_reference_id").asString()).isEqualTo(purchase);
		assertThat(session.path("success_url").asString()).endsWith("/credits/return?purchase=" + purchase);
		assertThat(status(person, purchase)).isEqualTo("open");
		assertThat(balance(person)).isEqualTo(10);

		stripe.deliverEachEvent(3).pay(session.path("id").asString());

		assertThat(stripe.deliveries()).hasSize(3).allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
		assertThat(balance(person)).isEqualTo(60);
		assertThat(status(person, purchase)).isEqualTo("fulfilled");
		// The reconciliation job keeps asking Stripe about open purchases; this one is settled.
		int retrievesSoFar = stripe.retrieveCalls();
		person.post("/api/credits/checkout", "{\"pack\":\"studio\"}");
		await().atMost(Duration.ofSeconds(30)).until(() -> stripe.retrieveCalls() > retrievesSoFar + 1);
		assertThat(balance(person)).isEqualTo(60);
		assertThat(ledger(person, "purchase")).containsExactly(50);
		assertThat(ledgerSum(person)).isEqualTo(balance(person));
	}

	@Test
	void aPurchaseWhoseWebhooksAreAllLostIsFulfilledByReconciliation() {
		ApiClient person = ApiClient.signedUp(port);
		String purchase = person.post("/api/credits/checkout", "{\"pack\":\"studio\"}").json().path("purchaseId").asString();

		stripe.deliverEachEvent(0).pay(stripe.sessions().get(0).path("id").asString());

		assertThat(stripe.deliveries()).isEmpty();
		await().atMost(Duration.ofSeconds(30)).until(() -> balance(person) == 130);
		assertThat(status(person, purchase)).isEqualTo("fulfilled");
		assertThat(ledger(person, "purchase")).containsExactly(120);
	}

	@Test
	void aForgedOrStaleSignatureChangesNothing() {
		ApiClient person = ApiClient.signedUp(port);
		String session = paidPurchase(person);
		String refund = stripe.refundEventBody(session);
		long now = Instant.now().getEpochSecond();

		FakeStripe.Delivery forged = stripe.send(refund, FakeStripe.signatureHeader(refund, now, "whsec_not_ours"));
		FakeStripe.Delivery stale = stripe.send(refund,
				FakeStripe.signatureHeader(refund, now - Duration.ofMinutes(6).toSeconds(), FakeStripe.WEBHOOK_SECRET));
		FakeStripe.Delivery unsigned = stripe.send(refund, null);
		FakeStripe.Delivery tampered = stripe.send(refund.replace("\"refunded\":true", "\"refunded\":false"),
				FakeStripe.signatureHeader(refund, now, FakeStripe.WEBHOOK_SECRET));

		assertThat(List.of(forged, stale, unsigned, tampered)).allSatisfy(delivery -> {
			assertThat(delivery.status()).isEqualTo(400);
			assertThat(delivery.response()).contains("\"code\":\"invalid_webhook_signature\"");
		});
		assertThat(balance(person)).isEqualTo(60);
		assertThat(ledger(person, "purchase_reversal")).isEmpty();

		// The same event, signed as Stripe signs it, is heard.
		assertThat(stripe.send(refund, FakeStripe.signatureHeader(refund, now, FakeStripe.WEBHOOK_SECRET)).status())
			.isEqualTo(200);
		assertThat(balance(person)).isEqualTo(10);
	}

	@Test
	void aRefundTakesTheCreditsBackOnceButNeverBelowZeroAndRecordsWhatWasSpent() {
		ApiClient person = ApiClient.signedUp(port);
		String session = paidPurchase(person);
		UUID user = UUID.fromString(person.get("/api/me").json().path("id").asString());
		credits.charge(user, 55, UUID.randomUUID(), "a generation");
		assertThat(balance(person)).isEqualTo(5);

		stripe.deliverEachEvent(2).refund(session);

		assertThat(balance(person)).isZero();
		assertThat(ledger(person, "purchase_reversal")).containsExactly(-5);
		assertThat(ledgerSum(person)).isZero();
		JsonNode purchase = person.get("/api/credits/purchases/" + purchaseOf(session)).json();
		assertThat(purchase.path("status").asString()).isEqualTo("refunded");
		assertThat(jdbc.sql("SELECT unreclaimed_credits FROM credit_purchases WHERE checkout_session_id = ?")
			.param(session)
			.query(Integer.class)
			.single()).as("credits already spent, left for an operator").isEqualTo(45);
	}

	@Test
	void aDisputeTakesThePurchasedCreditsBack() {
		ApiClient person = ApiClient.signedUp(port);
		String session = paidPurchase(person);

		stripe.dispute(session);

		assertThat(balance(person)).isEqualTo(10);
		assertThat(person.get("/api/credits/purchases/" + purchaseOf(session)).json().path("status").asString())
			.isEqualTo("disputed");
		assertThat(ledgerSum(person)).isEqualTo(10);
	}

	@Test
	void unknownEventsAreAcknowledgedAndChangeNothing() {
		ApiClient person = ApiClient.signedUp(port);
		paidPurchase(person);

		assertThat(stripe.sendUnhandledEvent().status()).isEqualTo(200);
		assertThat(balance(person)).isEqualTo(60);
	}

	@Test
	void refusedCheckoutsLeaveNothingBehind() {
		ApiClient person = ApiClient.signedUp(port);
		int before = purchases();

		ApiClient.Response unknown = person.post("/api/credits/checkout", "{\"pack\":\"gold\"}");
		ApiClient.Response missing = person.post("/api/credits/checkout", "{}");
		stripe.failNextCreates(3);
		ApiClient.Response stripeDown = person.post("/api/credits/checkout", "{\"pack\":\"starter\"}");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.code()).isEqualTo("unknown_pack");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.code()).isEqualTo("pack_required");
		assertThat(stripeDown.status()).isEqualTo(502);
		assertThat(stripeDown.code()).isEqualTo("payment_provider_unavailable");
		assertThat(purchases()).isEqualTo(before);
		assertThat(balance(person)).isEqualTo(10);
	}

	@Test
	void nobodyElseCanFollowSomeonesPurchase() {
		ApiClient buyer = ApiClient.signedUp(port);
		String purchase = buyer.post("/api/credits/checkout", "{\"pack\":\"starter\"}").json().path("purchaseId").asString();

		ApiClient.Response other = ApiClient.signedUp(port).get("/api/credits/purchases/" + purchase);

		assertThat(other.status()).isEqualTo(404);
		assertThat(other.code()).isEqualTo("purchase_not_found");
	}

	@Test
	void thePacksOnSaleComeFromConfiguration() {
		JsonNode packs = ApiClient.signedUp(port).get("/api/credits/packs").json();

		assertThat(packs.path("purchasesEnabled").asBoolean()).isTrue();
		assertThat(packs.path("packs").findValuesAsString("id")).containsExactly("starter", "studio");
		assertThat(packs.path("packs").get(1).path("credits").asInt()).isEqualTo(120);
		assertThat(packs.path("packs").get(1).path("price").asLong()).isEqualTo(1000);
	}

	/** Buys the starter pack (50 credits on top of the 10 of sign-up); returns its session id. */
	private String paidPurchase(ApiClient person) {
		String purchase = person.post("/api/credits/checkout", "{\"pack\":\"starter\"}").json().path("purchaseId").asString();
		String session = jdbc.sql("SELECT checkout_session_id FROM credit_purchases WHERE id = ?")
			.param(UUID.fromString(purchase))
			.query(String.class)
			.single();
		stripe.pay(session);
		assertThat(balance(person)).isEqualTo(60);
		return session;
	}

	private String purchaseOf(String session) {
		return jdbc.sql("SELECT id FROM credit_purchases WHERE checkout_session_id = ?")
			.param(session)
			.query(UUID.class)
			.single()
			.toString();
	}

	private String status(ApiClient person, String purchase) {
		return person.get("/api/credits/purchases/" + purchase).json().path("status").asString();
	}

	private static int balance(ApiClient person) {
		return person.get("/api/me").json().path("credits").asInt();
	}

	private List<Integer> ledger(ApiClient person, String kind) {
		return jdbc.sql("SELECT amount FROM credit_ledger WHERE user_id = ? AND kind = ? ORDER BY id")
			.params(UUID.fromString(person.get("/api/me").json().path("id").asString()), kind)
			.query(Integer.class)
			.list();
	}

	private int ledgerSum(ApiClient person) {
		return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM credit_ledger WHERE user_id = ?")
			.param(UUID.fromString(person.get("/api/me").json().path("id").asString()))
			.query(Integer.class)
			.single();
	}

	private int purchases() {
		return jdbc.sql("SELECT count(*) FROM credit_purchases").query(Integer.class).single();
	}

}
