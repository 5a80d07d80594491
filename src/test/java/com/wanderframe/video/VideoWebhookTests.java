package com.wanderframe.video;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Ledger;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a public URL, Replicate's signed webhooks bring the news and polling only reconciles
 * (here: every ten minutes, so nothing in these tests is learnt by polling). Duplicates change
 * nothing; forged or stale deliveries are refused and change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VideoWebhookTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		ReplicateVideoProperties.register(registry, "local");
		registry.add("wanderframe.replicate.public-url", () -> "https://wanderframe.example/");
		registry.add("wanderframe.video.reconciliation-poll", () -> "10m");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient client;

	Studio studio;

	String imageId;

	URI webhook;

	@BeforeEach
	void setUp() {
		replicate.reset();
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
		imageId = studio.imageAtLocation();
		webhook = URI.create("http://localhost:" + port + "/api/webhooks/replicate");
	}

	@Test
	void succeedsBySignedWebhookAndIgnoresTheDuplicate() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeedsAfterPolls(1000, TestVideos.mp4(), "video/mp4"));
		String id = generate();
		String prediction = awaitPrediction();
		assertThat(replicate.createdPredictions().get(0).webhook())
			.isEqualTo("https://wanderframe.example/api/webhooks/replicate");

		replicate.finish(prediction);
		FakeReplicate.Delivery delivery = replicate.sendWebhook(webhook, prediction);
		assertThat(delivery.status()).isBetween(200, 299);
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));
		assertThat(done.path("status").asString()).isEqualTo("completed");

		assertThat(replicate.redeliver(delivery).status()).isBetween(200, 299);
		assertThat(client.get("/api/video/" + id).json().path("status").asString()).isEqualTo("completed");
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
		assertThat(client.get(done.path("videoUrl").asString()).bytes()).isEqualTo(TestVideos.mp4());
	}

	@Test
	void progressArrivesByWebhook() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeedsAfterPolls(4, TestVideos.mp4(), "video/mp4"));
		String id = generate();
		String prediction = awaitPrediction();

		replicate.advance(prediction).advance(prediction);
		replicate.sendWebhook(webhook, prediction);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> client.get("/api/video/" + id).json().path("progress").asInt() > 0);
		assertThat(client.get("/api/video/" + id).json().path("status").asString()).isEqualTo("processing");
	}

	@Test
	void forgedAndStaleWebhooksAreRefusedAndChangeNothingThenTheRealOneRefundsOnce() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.fails("The model crashed"));
		int before = studio.credits();
		String id = generate();
		String prediction = awaitPrediction();
		replicate.finish(prediction);

		assertThat(replicate.sendForgedWebhook(webhook, prediction).status()).isEqualTo(401);
		assertThat(replicate.sendStaleWebhook(webhook, prediction).status()).isEqualTo(401);
		assertThat(client.get("/api/video/" + id).json().path("status").asString()).isEqualTo("processing");
		assertThat(studio.credits()).isEqualTo(before - 3);

		FakeReplicate.Delivery genuine = replicate.sendWebhook(webhook, prediction);
		JsonNode failed = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));
		replicate.redeliver(genuine);
		replicate.sendWebhook(webhook, prediction);

		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactlyInAnyOrder("charge", "refund");
	}

	private String generate() {
		ApiClient.Response accepted = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"pan left\",\"resolution\":\"512p\"}".formatted(imageId));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		return accepted.json().path("id").asString();
	}

	private String awaitPrediction() {
		await().atMost(Duration.ofSeconds(30)).until(() -> !replicate.createdPredictions().isEmpty());
		String prediction = replicate.createdPredictions().get(0).id();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM video_generations WHERE provider_prediction_id = ?")
				.param(prediction)
				.query(Integer.class)
				.single() == 1);
		return prediction;
	}


}
