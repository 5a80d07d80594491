package com.wanderframe.imaging;

import java.time.Duration;
import java.util.UUID;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.location.Locations;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
 * Step 3 with the Replicate generator, against a fake Replicate speaking its HTTP API. No
 * generator is named: a configured token is what makes it Replicate.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wanderframe.imaging.poll-interval=50ms",
				"wanderframe.imaging.max-poll-interval=200ms", "wanderframe.imaging.timeout=5s", "wanderframe.replicate.retry.initial-backoff=50ms",
				"wanderframe.replicate.retry.max-delay=1s" })
class ReplicateImageTests {

	static final String MODEL = "black-forest-labs/flux-kontext-pro";

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Locations locations;

	@Autowired
	JdbcClient jdbc;

	ApiClient client;

	Studio studio;

	@BeforeEach
	void signUp() {
		replicate.reset();
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
	}

	@Test
	void theModelsPictureIsKeptInOurOwnStore() {
		byte[] output = Studio.selfieJpeg(1392, 752);
		replicate.onModel(MODEL).respondWith(Scenario.succeedsAfterPolls(2, output, "image/jpeg"));

		JsonNode image = generate("venice-canals");

		assertThat(image.path("status").asString()).isEqualTo("completed");
		ApiClient.Response content = client.get(image.path("url").asString());
		assertThat(content.status()).isEqualTo(200);
		assertThat(content.bytes()).isEqualTo(output);
		assertThat(studio.credits()).isEqualTo(9);

		JsonNode input = replicate.createdPredictions().get(0).input();
		assertThat(input.path("prompt").asString()).contains(locations.require("venice-canals").scene());
		assertThat(input.path("input_image").asString()).isNotBlank();
		assertThat(input.path("aspect_ratio").asString()).isEqualTo("16:9");
		assertThat(input.path("output_format").asString()).isEqualTo("jpg");
		assertThat(input.path("safety_tolerance").asInt()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT model FROM generated_images WHERE id = ?")
			.param(UUID.fromString(image.path("id").asString()))
			.query(String.class)
			.single()).isEqualTo(MODEL);
	}

	@Test
	void aFailedPredictionIsRefundedExactlyOnce() {
		replicate.onModel(MODEL).respondWith(Scenario.fails("The model could not process this input"));

		JsonNode image = generate("tokyo-neon");

		assertThat(image.path("status").asString()).isEqualTo("failed");
		assertThat(image.path("error").path("code").asString()).isEqualTo("generation_failed");
		assertThat(image.path("error").path("message").asString()).contains("refunded");
		assertThat(image.has("url")).isFalse();
		assertThat(studio.credits()).isEqualTo(10);
		assertThat(refunds(image)).isEqualTo(1);
	}

	@Test
	void serverErrorsOnTheWayAreRetriedUntilThePictureArrives() {
		byte[] output = Studio.selfieJpeg(1392, 752);
		replicate.onModel(MODEL).respondWith(Scenario.succeedsAfterPolls(2, output, "image/jpeg"));
		replicate.failNextCreates(1, 503).failNextGets(1, 500).failNextDownloads(1, 502);

		JsonNode image = generate("swiss-alps");

		assertThat(image.path("status").asString()).isEqualTo("completed");
		assertThat(client.get(image.path("url").asString()).bytes()).isEqualTo(output);
		assertThat(replicate.createAttempts()).isEqualTo(2);
		assertThat(replicate.createdPredictions()).hasSize(1);
		assertThat(studio.credits()).isEqualTo(9);
	}

	@Test
	void anOutputThatIsNotAPictureFailsAndIsRefunded() {
		replicate.onModel(MODEL).respondWith(Scenario.succeeds("<html>oops</html>".getBytes(), "text/html"));

		JsonNode image = generate("grand-canyon");

		assertThat(image.path("status").asString()).isEqualTo("failed");
		assertThat(image.path("error").path("code").asString()).isEqualTo("output_invalid");
		assertThat(studio.credits()).isEqualTo(10);
		assertThat(refunds(image)).isEqualTo(1);
	}

	@Test
	void aPredictionThatNeverEndsIsCancelledAndRefunded() {
		replicate.onModel(MODEL).respondWith(Scenario.neverFinishes());

		JsonNode image = generate("iceland-aurora");

		assertThat(image.path("status").asString()).isEqualTo("failed");
		assertThat(image.path("error").path("code").asString()).isEqualTo("timed_out");
		assertThat(studio.credits()).isEqualTo(10);
		// The refund is committed before the best-effort cancel upstream, so the cancel may land just after.
		String prediction = replicate.createdPredictions().get(0).id();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(replicate.cancelCalls()).containsExactly(prediction));
		assertThat(refunds(image)).isEqualTo(1);
	}

	private JsonNode generate(String location) {
		String photoId = studio.uploadSelfie();
		ApiClient.Response started = client.post("/api/images",
				"{\"photoId\":\"" + photoId + "\",\"location\":\"" + location + "\"}");
		assertThat(started.status()).isEqualTo(202);
		return studio.awaitTerminal("/api/images/" + started.json().path("id").asString(), Duration.ofSeconds(30));
	}

	private long refunds(JsonNode image) {
		return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE reference = ? AND kind = 'refund'")
			.param(UUID.fromString(image.path("id").asString()))
			.query(Long.class)
			.single();
	}

}
