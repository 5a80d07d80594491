package com.wanderframe.video;

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

/**
 * A prediction's output URL is data from outside: the app fetches it only from the allowed
 * delivery hosts (here {@code http://127.0.0.1}, where the fake serves; {@code localhost} reaches
 * the same server but is not allowed), follows no redirect elsewhere, takes at most the cap, and
 * keeps only a real H.264 MP4. Each breach fails the generation with exactly one refund.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wanderframe.replicate.output.max-size=1MB")
class ReplicateOutputFetchTests {

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
	void anOutputOnAHostThatIsNotAllowedIsNeverFetched() {
		JsonNode failed = generateWith(Scenario.succeeds(TestVideos.mp4(), "video/mp4").withOutputOnHost("localhost"));

		assertFailedWithOneRefund(failed, "output_unavailable");
		assertThat(replicate.outputRequests()).isEmpty();
	}

	@Test
	void aRedirectToAnotherHostIsNotFollowed() {
		JsonNode failed = generateWith(
				Scenario.succeeds(TestVideos.mp4(), "video/mp4").withOutputRedirectingToHost("localhost"));

		assertFailedWithOneRefund(failed, "output_unavailable");
		assertThat(replicate.outputRequests()).hasSize(1);
	}

	@Test
	void anOutputLargerThanTheCapIsRefused() {
		JsonNode failed = generateWith(Scenario.succeeds(new byte[2 * 1024 * 1024], "video/mp4"));

		assertFailedWithOneRefund(failed, "output_unavailable");
	}

	@Test
	void aFileThatIsNoH264Mp4IsRefusedEvenIfFfmpegCouldReadIt() {
		// FFmpeg would happily open a JPEG as a one-frame video if left to guess the format.
		JsonNode failed = generateWith(Scenario.succeeds(Studio.selfieJpeg(320, 240), "video/mp4"));

		assertFailedWithOneRefund(failed, "output_invalid");
	}

	private JsonNode generateWith(Scenario scenario) {
		replicate.onModel("minimax/hailuo-02").respondWith(scenario);
		ApiClient.Response started = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"resolution\":\"512p\"}".formatted(imageId));
		assertThat(started.status()).as("%s", started).isEqualTo(202);
		return studio.awaitTerminal("/api/video/" + started.json().path("id").asString(), Duration.ofMinutes(1));
	}

	private void assertFailedWithOneRefund(JsonNode generation, String code) {
		assertThat(generation.path("status").asString()).isEqualTo("failed");
		assertThat(generation.path("error").path("code").asString()).isEqualTo(code);
		assertThat(Ledger.entriesFor(jdbc, generation.path("id").asString())).containsExactlyInAnyOrder("charge", "refund");
		assertThat(studio.credits()).isEqualTo(10 - 1);
	}

}
