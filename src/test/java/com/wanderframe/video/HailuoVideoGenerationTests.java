package com.wanderframe.video;

import java.time.Duration;
import java.util.List;

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

/**
 * Step 4 on Replicate's minimax/hailuo-02, against a fake Replicate that follows its documented
 * contract. Without a public URL the app learns of progress by polling. Each case ends in the
 * right state with exactly one charge and at most one refund.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HailuoVideoGenerationTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		ReplicateVideoProperties.register(registry, "local");
		registry.add("wanderframe.video.first-poll", () -> "100ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "400ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient client;

	Studio studio;

	String imageId;

	@BeforeEach
	void setUp() {
		replicate.reset();
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
		imageId = studio.imageAtLocation();
	}

	@Test
	void succeedsByPollingAndKeepsItsOwnCopyOfTheVideo() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeedsAfterPolls(3, TestVideos.mp4(), "video/mp4"));
		int before = studio.credits();

		String id = generate("gentle camera pan to the right", "768p");
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("progress").asInt()).isEqualTo(100);
		assertThat(studio.credits()).isEqualTo(before - 5);
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
		ApiClient.Response video = client.get(done.path("videoUrl").asString());
		assertThat(video.status()).isEqualTo(200);
		assertThat(video.bytes()).isEqualTo(TestVideos.mp4());
		assertThat(client.get(done.path("posterUrl").asString()).status()).isEqualTo(200);

		FakeReplicate.CreateRequest create = replicate.createdPredictions().get(0);
		assertThat(create.model()).isEqualTo("minimax/hailuo-02");
		assertThat(create.header("Cancel-After")).isNotBlank();
		assertThat(create.webhook()).isNull();
		JsonNode input = create.input();
		assertThat(List.copyOf(input.propertyNames())).containsExactlyInAnyOrder("prompt", "first_frame_image",
				"duration", "resolution", "prompt_optimizer");
		assertThat(input.path("prompt").asString()).isEqualTo("gentle camera pan to the right");
		assertThat(input.path("resolution").asString()).isEqualTo("768p");
		assertThat(input.path("duration").asInt()).isEqualTo(6);
		assertThat(input.path("first_frame_image").asString()).matches("^(data:image/jpeg;base64,|http).*");
	}

	@Test
	void aFailedPredictionFailsTheGenerationAndRefundsOnce() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.fails("NSFW content detected"));
		int before = studio.credits();

		JsonNode failed = studio.awaitTerminal("/api/video/" + generate("pan left", "512p"), Duration.ofMinutes(1));

		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("error").path("code").asString()).isEqualTo("generation_failed");
		assertThat(failed.path("error").path("message").asString()).contains("refunded");
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(Ledger.entriesFor(jdbc, failed.path("id").asString())).containsExactlyInAnyOrder("charge", "refund");
	}

	@Test
	void aCanceledPredictionIsRefunded() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.canceled());
		int before = studio.credits();

		JsonNode failed = studio.awaitTerminal("/api/video/" + generate("pan left", "512p"), Duration.ofMinutes(1));

		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("error").path("code").asString()).isEqualTo("canceled");
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(Ledger.entriesFor(jdbc, failed.path("id").asString())).containsExactlyInAnyOrder("charge", "refund");
	}

	@Test
	void anAbortedPredictionIsRefunded() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.aborted());
		int before = studio.credits();

		JsonNode failed = studio.awaitTerminal("/api/video/" + generate("pan left", "512p"), Duration.ofMinutes(1));

		assertThat(failed.path("error").path("code").asString()).isEqualTo("aborted");
		assertThat(studio.credits()).isEqualTo(before);
	}

	@Test
	void aThrottledCreateIsRetriedAndMakesOnePrediction() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeeds(TestVideos.mp4(), "video/mp4"));
		replicate.failNextCreates(1, 429, 1);

		String id = generate("pan left", "512p");
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(replicate.createAttempts()).isEqualTo(2);
		assertThat(replicate.createdPredictions()).hasSize(1);
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
	}

	@Test
	void anOutputThatCannotBeDownloadedFailsTheGenerationAndRefunds() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.outputMissing());
		int before = studio.credits();

		JsonNode failed = studio.awaitTerminal("/api/video/" + generate("pan left", "512p"), Duration.ofMinutes(1));

		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("error").path("code").asString()).isEqualTo("output_unavailable");
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(Ledger.entriesFor(jdbc, failed.path("id").asString())).containsExactlyInAnyOrder("charge", "refund");
	}

	@Test
	void aReplicateThatKeepsFailingRefundsTheGeneration() {
		replicate.failNextCreates(20, 503);
		int before = studio.credits();

		JsonNode failed = studio.awaitTerminal("/api/video/" + generate("pan left", "512p"), Duration.ofMinutes(1));

		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("error").path("code").asString()).isEqualTo("provider_unavailable");
		assertThat(studio.credits()).isEqualTo(before);
	}

	@Test
	void transientPollFailuresDoNotFailTheGeneration() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeedsAfterPolls(2, TestVideos.mp4(), "video/mp4"));
		replicate.failNextGets(3, 502);

		String id = generate("pan left", "512p");
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

		assertThat(replicate.servedFaults()).containsExactly("get 502", "get 502", "get 502");
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("progress").asInt()).isEqualTo(100);
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
	}

	private String generate(String prompt, String resolution) {
		ApiClient.Response accepted = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"%s\",\"resolution\":\"%s\"}".formatted(imageId, prompt, resolution));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		return accepted.json().path("id").asString();
	}


}
