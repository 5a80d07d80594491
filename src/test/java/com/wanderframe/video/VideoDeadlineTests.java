package com.wanderframe.video;

import java.time.Duration;

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
 * Both steps on Replicate. A video prediction that never finishes is stopped by the sweeper:
 * canceled upstream, failed, refunded once. An image still being made cannot be animated yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VideoDeadlineTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		ReplicateVideoProperties.register(registry, "replicate");
		registry.add("wanderframe.video.first-poll", () -> "200ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "1s");
		registry.add("wanderframe.video.deadline", () -> "4s");
		registry.add("wanderframe.generation.sweep-interval", () -> "1s");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGenerationThatNeverFinishesIsStoppedAndRefunded() {
		replicate.reset();
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.neverFinishes());
		replicate.onModel("black-forest-labs/flux-kontext-pro")
			.respondWith(Scenario.succeeds(Studio.selfieJpeg(1280, 720), "image/jpeg"));
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		int before = studio.credits();

		String id = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"orbit\",\"resolution\":\"512p\"}".formatted(imageId))
			.json()
			.path("id")
			.asString();
		JsonNode failed = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("error").path("code").asString()).isEqualTo("timed_out");
		assertThat(studio.credits()).isEqualTo(before);
		String prediction = replicate.createdPredictions()
			.stream()
			.filter(create -> create.model().equals("minimax/hailuo-02"))
			.findFirst()
			.orElseThrow()
			.id();
		// The refund is committed before the best-effort cancel upstream, so the cancel may land just after.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(replicate.cancelCalls()).contains(prediction));
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactlyInAnyOrder("charge", "refund");
	}

	@Test
	void anImageStillBeingMadeCannotBeAnimatedYet() {
		replicate.reset();
		replicate.onModel("black-forest-labs/flux-kontext-pro").respondWith(Scenario.neverFinishes());
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = client.post("/api/images",
				"{\"photoId\":\"%s\",\"location\":\"%s\"}".formatted(studio.uploadSelfie(), studio.firstLocation()))
			.json()
			.path("id")
			.asString();
		int before = studio.credits();

		ApiClient.Response refused = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"orbit\"}".formatted(imageId));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("image_not_ready");
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
	}

}
