package com.wanderframe.observability;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.generation.ModelCatalogue;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus sees after people generate: the {@code wanderframe_*} figures of
 * images and videos made, failed and refunded, credits moved, renders and refused uploads, served
 * only to a scraper that brings the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wanderframe.metrics.token=" + MetricsEndpointTests.TOKEN)
class MetricsEndpointTests {

	static final String TOKEN = "scrape-me-7f3a";

	private static final String LOCAL_VIDEO = ModelCatalogue.LOCAL_MOTION;

	@LocalServerPort
	int port;

	@Test
	void isServedOnlyWithTheBearerToken() {
		ApiClient anyone = new ApiClient(port);
		assertThat(anyone.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(anyone.send(anyone.request("/actuator/prometheus").header("Authorization", "Bearer wrong").GET())
			.status()).isEqualTo(401);
		ApiClient.Response signedIn = ApiClient.signedUp(port).get("/actuator/prometheus");
		assertThat(signedIn.status()).as("a session is no token").isEqualTo(401);

		ApiClient.Response scraped = scrapeResponse();
		assertThat(scraped.status()).isEqualTo(200);
		assertThat(scraped.header("Content-Type")).startsWith("text/plain");
		assertThat(scraped.header("Set-Cookie")).as("a scrape makes no session").isNull();
	}

	@Test
	void countsGenerationsCreditsRendersAndRefusalsAfterPeopleGenerate() {
		Scrape before = scrape();
		ApiClient person = ApiClient.signedUp(port);
		Studio studio = new Studio(person);

		String imageId = studio.imageAtLocation();
		String made = generate(person, imageId, "gentle camera pan to the right");
		String failed = generate(person, imageId, "slow push in [[fail]]");
		assertThat(studio.awaitTerminal("/api/video/" + made, Duration.ofMinutes(2)).path("status").asString())
			.isEqualTo("completed");
		assertThat(studio.awaitTerminal("/api/video/" + failed, Duration.ofMinutes(2)).path("status").asString())
			.isEqualTo("failed");
		ApiClient.Response refused = studio.uploadPhoto("not a picture".getBytes(), "notes.txt", "text/plain");
		assertThat(refused.status()).isEqualTo(415);

		Scrape after = scrape();
		assertThat(delta(before, after, "wanderframe_generations_started_total", "kind", "video", "model", LOCAL_VIDEO))
			.isEqualTo(2);
		assertThat(delta(before, after, "wanderframe_generations_started_total", "kind", "image")).isEqualTo(1);
		assertThat(delta(before, after, "wanderframe_generations_completed_total", "kind", "image")).isEqualTo(1);
		assertThat(delta(before, after, "wanderframe_generations_completed_total", "kind", "video", "model", LOCAL_VIDEO))
			.isEqualTo(1);
		assertThat(delta(before, after, "wanderframe_generations_failed_total", "kind", "video", "model", LOCAL_VIDEO,
				"code", "generation_failed"))
			.isEqualTo(1);
		assertThat(delta(before, after, "wanderframe_generations_refunded_total", "kind", "video", "model", LOCAL_VIDEO))
			.isEqualTo(1);
		assertThat(delta(before, after, "wanderframe_generation_duration_seconds_count", "kind", "video", "model",
				LOCAL_VIDEO))
			.isEqualTo(1);
		assertThat(after.value("wanderframe_generation_duration_seconds_bucket", "model", LOCAL_VIDEO, "le", "+Inf"))
			.as("a histogram, so p50/p95 can be computed per model")
			.isGreaterThanOrEqualTo(1);
		// 1 for the image, 3 for each 6 s 512p video; the failed one's 3 come back
		assertThat(delta(before, after, "wanderframe_credits_charged_total")).isEqualTo(7);
		assertThat(delta(before, after, "wanderframe_credits_refunded_total")).isEqualTo(3);
		assertThat(delta(before, after, "wanderframe_credits_granted_total", "source", "grant")).isEqualTo(10);
		assertThat(delta(before, after, "wanderframe_render_frames_per_second_count")).isEqualTo(1);
		assertThat(after.value("wanderframe_render_frames_per_second_max")).isPositive();
		assertThat(delta(before, after, "wanderframe_uploads_refused_total", "code", "unsupported_media_type"))
			.isEqualTo(1);
		assertThat(after.has("wanderframe_queue_depth")).isTrue();
		assertThat(after.value("wanderframe_queue_depth", "kind", "video")).isZero();
		assertThat(after.has("wanderframe_queue_oldest_wait_seconds")).isTrue();
		assertThat(after.has("wanderframe_live_followers")).isTrue();
		assertThat(after.value("wanderframe_jobs_seconds_count", "task", "generation-start")).isPositive();
	}

	private String generate(ApiClient person, String imageId, String prompt) {
		ApiClient.Response accepted = person.post("/api/video/generate", """
				{"imageId":"%s","prompt":"%s","duration":6,"resolution":"512p"}
				""".formatted(imageId, prompt));
		assertThat(accepted.status()).isEqualTo(202);
		return accepted.json().path("id").asString();
	}

	private static double delta(Scrape before, Scrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

	private Scrape scrape() {
		ApiClient.Response response = scrapeResponse();
		assertThat(response.status()).isEqualTo(200);
		return new Scrape(response.body());
	}

	private ApiClient.Response scrapeResponse() {
		ApiClient scraper = new ApiClient(port);
		return scraper.send(HttpRequest.newBuilder(URI.create(scraper.baseUrl() + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + TOKEN)
			.GET());
	}

}
