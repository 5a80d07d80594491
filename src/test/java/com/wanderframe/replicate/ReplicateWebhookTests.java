package com.wanderframe.replicate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.wanderframe.ApiClient;
import com.wanderframe.replicate.FakeReplicate.Delivery;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicate's webhooks through the running app. The test configuration sets
 * {@code wanderframe.replicate.webhook-secret} to {@link FakeReplicate#WEBHOOK_SECRET}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplicateWebhookTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int ONE_MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	private final FakeReplicate replicate = new FakeReplicate();

	private final List<PredictionUpdated> published = new CopyOnWriteArrayList<>();

	private final ApplicationListener<PayloadApplicationEvent<PredictionUpdated>> listener = ApplicationListener
		.forPayload(published::add);

	private URI webhook;

	private String predictionId;

	@BeforeEach
	void start() throws Exception {
		context.addApplicationListener(listener);
		webhook = URI.create("http://localhost:" + port + "/api/webhooks/replicate");
		replicate.onModel("minimax/hailuo-02")
			.respondWith(Scenario.succeedsAfterPolls(2, new byte[] { 0, 0, 0, 24 }, "video/mp4"));
		predictionId = createPrediction("[\"start\",\"output\",\"logs\",\"completed\"]");
	}

	@AfterEach
	void stop() {
		context.removeApplicationListener(listener);
		replicate.close();
	}

	@Test
	void aSignedUpdateFromReplicateIsPassedOn() {
		replicate.finish(predictionId);

		Delivery delivery = replicate.sendWebhook(webhook, predictionId);

		assertThat(delivery.status()).isEqualTo(204);
		assertThat(published).singleElement().satisfies(event -> {
			assertThat(event.prediction().id()).isEqualTo(predictionId);
			assertThat(event.prediction().status()).isEqualTo(PredictionStatus.SUCCEEDED);
			assertThat(event.prediction().outputs()).singleElement()
				.asString()
				.startsWith(replicate.deliveryUrl() + "/" + predictionId);
		});
	}

	@Test
	void progressOnTheWayIsPassedOnToo() {
		replicate.advance(predictionId);

		replicate.sendWebhook(webhook, predictionId);

		assertThat(published).singleElement().satisfies(event -> {
			assertThat(event.prediction().status()).isEqualTo(PredictionStatus.PROCESSING);
			assertThat(event.prediction().progress()).isEqualTo(50);
		});
	}

	@Test
	void progressIsOnlySentWhenThereAreNewLogsAndLogsWereAskedFor() throws Exception {
		String withoutLogs = createPrediction("[\"start\",\"completed\"]");
		replicate.advance(predictionId).advance(withoutLogs);

		Delivery progress = replicate.sendWebhook(webhook, predictionId);
		Delivery sameLogsAgain = replicate.sendWebhook(webhook, predictionId);
		Delivery notAskedFor = replicate.sendWebhook(webhook, withoutLogs);

		assertThat(progress.sent()).isTrue();
		assertThat(progress.event()).isEqualTo(FakeReplicate.WebhookEvent.LOGS);
		assertThat(sameLogsAgain.sent()).isFalse();
		assertThat(notAskedFor.sent()).isFalse();
		assertThat(published).singleElement()
			.satisfies(event -> assertThat(event.prediction().id()).isEqualTo(predictionId));

		replicate.finish(withoutLogs);
		assertThat(replicate.sendWebhook(webhook, withoutLogs).event()).isEqualTo(FakeReplicate.WebhookEvent.COMPLETED);
		assertThat(published).hasSize(2);
	}

	@Test
	void aRepeatedDeliveryIsPassedOnAgainForIdempotentListeners() {
		replicate.finish(predictionId);
		Delivery first = replicate.sendWebhook(webhook, predictionId);

		Delivery again = replicate.redeliver(first);

		assertThat(again.status()).isEqualTo(204);
		assertThat(again.webhookId()).isEqualTo(first.webhookId());
		assertThat(published).hasSize(2).allSatisfy(event -> assertThat(event.prediction().id()).isEqualTo(predictionId));
	}

	@Test
	void aForgedWebhookIsRefusedAndChangesNothing() {
		Delivery forged = replicate.sendForgedWebhook(webhook, predictionId);

		assertThat(forged.status()).isEqualTo(401);
		assertThat(published).isEmpty();
	}

	@Test
	void aWebhookSignedWithAnotherSecretIsRefused() {
		String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("another account's secret 32 bytes".getBytes());
		String body = replicate.predictionJson(predictionId).toString();
		long now = Instant.now().getEpochSecond();

		ApiClient.Response response = post("msg_other", Long.toString(now),
				FakeReplicate.sign(otherSecret, "msg_other", now, body), body);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("invalid_webhook_signature");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(published).isEmpty();
	}

	@Test
	void aTamperedBodyIsRefused() {
		replicate.finish(predictionId);
		String body = replicate.predictionJson(predictionId).toString();
		long now = Instant.now().getEpochSecond();
		String signature = replicate.sign("msg_1", now, body);

		ApiClient.Response response = post("msg_1", Long.toString(now), signature,
				body.replace("\"succeeded\"", "\"failed\""));

		assertThat(response.status()).isEqualTo(401);
		assertThat(published).isEmpty();
	}

	@Test
	void aStaleWebhookIsRefused() {
		Delivery stale = replicate.sendStaleWebhook(webhook, predictionId);

		assertThat(stale.status()).isEqualTo(401);
		assertThat(published).isEmpty();
	}

	@Test
	void aWebhookMissingAnyHeaderIsRefused() {
		String body = replicate.predictionJson(predictionId).toString();
		long now = Instant.now().getEpochSecond();
		String signature = replicate.sign("msg_1", now, body);

		assertThat(replicate.deliver(webhook, null, Long.toString(now), signature, body)).isEqualTo(401);
		assertThat(replicate.deliver(webhook, "msg_1", null, signature, body)).isEqualTo(401);
		assertThat(replicate.deliver(webhook, "msg_1", Long.toString(now), null, body)).isEqualTo(401);
		assertThat(published).isEmpty();
	}

	@Test
	void oneValidSignatureAmongSeveralIsEnough() {
		String body = replicate.predictionJson(predictionId).toString();
		long now = Instant.now().getEpochSecond();
		String old = FakeReplicate.sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), "msg_1", now, body);

		int status = replicate.deliver(webhook, "msg_1", Long.toString(now), old + " " + replicate.sign("msg_1", now, body),
				body);

		assertThat(status).isEqualTo(204);
		assertThat(published).hasSize(1);
	}

	@Test
	void aSignedBodyThatIsNoPredictionIsABadRequest() {
		String body = "{\"hello\":\"world\"}";
		long now = Instant.now().getEpochSecond();

		ApiClient.Response response = post("msg_1", Long.toString(now), replicate.sign("msg_1", now, body), body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("invalid_webhook_body");
		assertThat(published).isEmpty();
	}

	@Test
	void aWebhookLargerThanAnyPredictionIsRefusedWithoutBeingKept() {
		// Signed correctly, so only its size can be the reason; sent both with and without a length.
		String body = padded(replicate.predictionJson(predictionId).toString(), ONE_MIB + 1);
		long now = Instant.now().getEpochSecond();
		String signature = replicate.sign("msg_big", now, body);

		ApiClient.Response withLength = post("msg_big", Long.toString(now), signature, body);
		ApiClient.Response streamed = new ApiClient(port).send(HttpRequest.newBuilder(webhook)
			.header("Content-Type", "application/json")
			.header("webhook-id", "msg_big")
			.header("webhook-timestamp", Long.toString(now))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))));

		for (ApiClient.Response response : List.of(withLength, streamed)) {
			assertThat(response.status()).isEqualTo(413);
			assertThat(response.code()).isEqualTo("webhook_too_large");
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
		assertThat(published).isEmpty();
	}

	@Test
	void aWebhookOfExactlyTheLargestSizeIsStillAccepted() {
		replicate.finish(predictionId);
		String body = padded(replicate.predictionJson(predictionId).toString(), ONE_MIB);
		long now = Instant.now().getEpochSecond();

		ApiClient.Response response = post("msg_1", Long.toString(now), replicate.sign("msg_1", now, body), body);

		assertThat(response.status()).isEqualTo(204);
		assertThat(published).singleElement()
			.satisfies(event -> assertThat(event.prediction().status()).isEqualTo(PredictionStatus.SUCCEEDED));
	}

	/** {@code json} followed by spaces (still the same JSON) up to {@code size} bytes. */
	private static String padded(String json, int size) {
		return json + " ".repeat(size - json.getBytes(StandardCharsets.UTF_8).length);
	}

	private ApiClient.Response post(String webhookId, String timestamp, String signature, String body) {
		return new ApiClient(port).send(HttpRequest.newBuilder(webhook)
			.header("Content-Type", "application/json")
			.header("webhook-id", webhookId)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A prediction on the fake, created the way the app would create one, asking for these events. */
	private String createPrediction(String eventsFilter) throws Exception {
		HttpRequest create = HttpRequest
			.newBuilder(URI.create(replicate.baseUrl() + "/models/minimax/hailuo-02/predictions"))
			.header("Authorization", "Bearer " + FakeReplicate.TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"slow push-in\"},\"webhook\":\""
					+ webhook + "\",\"webhook_events_filter\":" + eventsFilter + "}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode prediction = JSON.readTree(response.body());
		return prediction.get("id").asString();
	}

}
