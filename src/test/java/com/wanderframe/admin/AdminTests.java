package com.wanderframe.admin;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.generation.ModelCatalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' dashboard over HTTP: only the configured operators reach it (everyone else,
 * signed in or not, finds nothing there), it shows everyone's generations, and a grant writes
 * one ledger row naming the operator and the reason, keeping balance = sum of the ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anyoneButAnOperatorFindsNothingThere() {
		ApiClient person = ApiClient.signedUp(port);
		ApiClient visitor = new ApiClient(port);
		String personId = person.get("/api/me").json().path("id").asString();
		int ledgerRows = ledgerRows(personId);

		for (ApiClient stranger : new ApiClient[] { person, visitor }) {
			assertThat(stranger.get("/admin").status()).isEqualTo(404);
			assertThat(stranger.get("/admin/api/overview").status()).isEqualTo(404);
			assertThat(stranger.get("/admin/api/balances").status()).isEqualTo(404);
			ApiClient.Response grant = stranger.post("/admin/api/grants", """
					{"userId":"%s","amount":500,"reason":"free money"}""".formatted(personId));
			assertThat(grant.status()).isEqualTo(404);
			assertThat(grant.code()).isEqualTo("not_found");
		}
		assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(10);
		assertThat(ledgerRows(personId)).isEqualTo(ledgerRows);
		assertThat(person.get("/admin/nothing-here").status()).isEqualTo(404);
	}

	@Test
	void showsEveryonesGenerationsRefundsCreditsAndTheQueue() {
		ApiClient person = ApiClient.signedUp(port);
		Studio studio = new Studio(person);
		String imageId = studio.imageAtLocation();
		String failed = person.post("/api/video/generate", """
				{"imageId":"%s","prompt":"slow push in [[fail]]","duration":6,"resolution":"512p"}
				""".formatted(imageId)).json().path("id").asString();
		String made = person.post("/api/video/generate", """
				{"imageId":"%s","prompt":"gentle pan left","duration":6,"resolution":"512p"}
				""".formatted(imageId)).json().path("id").asString();
		studio.awaitTerminal("/api/video/" + failed, Duration.ofMinutes(2));
		studio.awaitTerminal("/api/video/" + made, Duration.ofMinutes(2));

		ApiClient operator = Operator.signedIn(port);
		JsonNode overview = operator.get("/admin/api/overview").json();

		JsonNode local = model(overview, "video", ModelCatalogue.LOCAL_MOTION);
		assertThat(local.path("completed").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(local.path("failed").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(local.path("successPercent").asInt()).isBetween(1, 99);
		JsonNode today = local.path("days").get(local.path("days").size() - 1);
		assertThat(today.path("p50").asDouble()).isPositive();
		assertThat(today.path("p95").asDouble()).isGreaterThanOrEqualTo(today.path("p50").asDouble());
		assertThat(model(overview, "image", ModelCatalogue.LOCAL_COMPOSITOR).path("completed").asInt()).isGreaterThanOrEqualTo(1);

		JsonNode failure = find(overview.path("failed"), "id", failed);
		assertThat(failure.path("errorCode").asString()).isEqualTo("generation_failed");
		assertThat(failure.path("email").asString()).isEqualTo(person.get("/api/me").json().path("email").asString());
		assertThat(overview.path("slowest").size()).isPositive();
		assertThat(overview.path("slowest").get(0).path("seconds").asDouble()).isPositive();
		assertThat(find(overview.path("refunds"), "reason", "Refund: video generation failed (generation_failed)")
			.path("count")
			.asInt()).isGreaterThanOrEqualTo(1);
		assertThat(overview.path("credits").path("charged").asInt()).isGreaterThanOrEqualTo(7);
		assertThat(overview.path("credits").path("refunded").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(overview.path("credits").path("granted").asInt()).isGreaterThanOrEqualTo(20);
		assertThat(overview.path("queue").findValuesAsString("kind")).containsExactly("image", "video");

		ApiClient.Response page = operator.send(operator.request("/admin").header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(ModelCatalogue.LOCAL_MOTION, failed, "generation_failed", "<svg");
	}

	@Test
	void anOperatorGrantsCreditsWithAReasonOnceAndTheLedgerSaysWho() {
		ApiClient person = ApiClient.signedUp(port);
		String personId = person.get("/api/me").json().path("id").asString();
		ApiClient operator = Operator.signedIn(port);
		String grantId = UUID.randomUUID().toString();
		String grant = """
				{"userId":"%s","amount":25,"reason":"Sorry about the outage","grantId":"%s"}""".formatted(personId, grantId);

		ApiClient.Response granted = operator.post("/admin/api/grants", grant);
		ApiClient.Response again = operator.post("/admin/api/grants", grant);

		assertThat(granted.status()).isEqualTo(201);
		assertThat(granted.json().path("balance").asInt()).isEqualTo(35);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("alreadyGranted").asBoolean()).isTrue();
		assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(35);
		var row = jdbc.sql("SELECT kind, amount, reason, operator FROM credit_ledger WHERE user_id = ? AND kind = 'operator_grant'")
			.param(UUID.fromString(personId))
			.query((rs, n) -> rs.getString("kind") + "|" + rs.getInt("amount") + "|" + rs.getString("reason") + "|"
					+ rs.getString("operator"))
			.list();
		assertThat(row).containsExactly("operator_grant|25|Sorry about the outage|" + Operator.EMAIL);
		assertThat(balanceEqualsLedger(personId)).isTrue();
		assertThat(find(operator.get("/admin/api/balances?search=" + person.get("/api/me").json().path("email").asString())
			.json(), "userId", personId).path("balance").asInt()).isEqualTo(35);
	}

	@Test
	void aBadGrantChangesNothing() {
		ApiClient person = ApiClient.signedUp(port);
		String personId = person.get("/api/me").json().path("id").asString();
		ApiClient operator = Operator.signedIn(port);

		assertThat(operator.post("/admin/api/grants", """
				{"userId":"%s","amount":0,"reason":"nothing"}""".formatted(personId)).code()).isEqualTo("invalid_amount");
		assertThat(operator.post("/admin/api/grants", """
				{"userId":"%s","amount":100000,"reason":"everything"}""".formatted(personId)).code())
			.isEqualTo("invalid_amount");
		assertThat(operator.post("/admin/api/grants", """
				{"userId":"%s","amount":5,"reason":"  "}""".formatted(personId)).code()).isEqualTo("reason_required");
		assertThat(operator.post("/admin/api/grants", """
				{"userId":"%s","amount":5,"reason":"who?"}""".formatted(UUID.randomUUID())).code())
			.isEqualTo("person_not_found");
		ApiClient.Response withoutCsrf = operator.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(operator.baseUrl() + "/admin/api/grants"))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
					{"userId":"%s","amount":5,"reason":"forged"}""".formatted(personId))));
		assertThat(withoutCsrf.status()).isEqualTo(403);

		assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(10);
		assertThat(ledgerRows(personId)).isEqualTo(1);
	}

	private int ledgerRows(String user) {
		return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE user_id = ?")
			.param(UUID.fromString(user))
			.query(Integer.class)
			.single();
	}

	private boolean balanceEqualsLedger(String user) {
		return jdbc.sql("""
				SELECT a.balance = (SELECT sum(amount) FROM credit_ledger l WHERE l.user_id = a.user_id)
				FROM credit_accounts a WHERE a.user_id = ?""").param(UUID.fromString(user)).query(Boolean.class).single();
	}

	private static JsonNode model(JsonNode overview, String kind, String model) {
		for (JsonNode report : overview.path("models")) {
			if (report.path("kind").asString().equals(kind) && report.path("model").asString().equals(model)) {
				return report;
			}
		}
		throw new AssertionError("no report for " + kind + " " + model + " in " + overview);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode item : array) {
			if (item.path(field).asString().equals(value)) {
				return item;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

}
