package com.wanderframe.ratelimit;

import java.time.Duration;

import com.wanderframe.ApiClient;
import com.wanderframe.ApiClient.Response;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * The limits on what generations may cost: a person's unfinished generations, and the whole
 * deployment's hourly ceiling on hosted (Replicate) spending. Images are made locally here and
 * videos on a fake Replicate that never finishes them, so they stay unfinished.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wanderframe.rate-limit.max-unfinished-generations=2",
				"wanderframe.rate-limit.hosted-credits-per-hour=9" })
class GenerationLimitsTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-video", () -> "replicate");
		registry.add("wanderframe.models.default-image", () -> "local");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshCeiling() {
		// An earlier test's accepted generations start in the background: let their creates reach
		// the fake before it is reset, so they are not counted as this test's.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'generation-start'")
				.query(Long.class)
				.single() == 0);
		replicate.reset();
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.neverFinishes());
		jdbc.sql("DELETE FROM rate_limit_buckets WHERE id = 'hosted-credits'").update();
	}

	@Test
	void aPersonMayHaveOnlySoManyGenerationsRunning() {
		Person person = new Person(ApiClient.signedUp(port));
		String image = person.studio.imageAtLocation();
		assertThat(person.video(image, 6).status()).isEqualTo(202);
		assertThat(person.video(image, 6).status()).isEqualTo(202);
		int balance = person.studio.credits();

		Response thirdVideo = person.video(image, 6);
		Response anImageToo = person.image();

		assertThat(thirdVideo.status()).isEqualTo(429);
		assertThat(thirdVideo.code()).isEqualTo("too_many_unfinished_generations");
		assertThat(anImageToo.status()).isEqualTo(429);
		assertThat(anImageToo.code()).isEqualTo("too_many_unfinished_generations");
		assertThat(person.studio.credits()).isEqualTo(balance);
		assertThat(person.videos()).isEqualTo(2);
		// someone else is not held back by them
		Person other = new Person(ApiClient.signedUp(port));
		assertThat(other.image().status()).isEqualTo(202);
	}

	@Test
	void hostedGenerationsStopAtTheHourlyCeilingAndNothingIsCharged() {
		Person first = new Person(ApiClient.signedUp(port));
		Person second = new Person(ApiClient.signedUp(port));
		String firstImage = first.studio.imageAtLocation();
		String secondImage = second.studio.imageAtLocation();
		assertThat(first.video(firstImage, 10).status()).isEqualTo(202); // 5 credits of 9
		assertThat(second.video(secondImage, 6).status()).isEqualTo(202); // 8 of 9
		int balance = second.studio.credits();

		Response overCeiling = second.video(secondImage, 6);

		assertThat(overCeiling.status()).isEqualTo(503);
		assertThat(overCeiling.code()).isEqualTo("capacity_exhausted");
		assertThat(Long.parseLong(overCeiling.header("Retry-After"))).isPositive();
		assertThat(second.studio.credits()).isEqualTo(balance);
		assertThat(second.videos()).isEqualTo(1);
		assertThat(replicate.createdPredictions()).hasSizeLessThanOrEqualTo(2);
		// local generations cost the deployment nothing upstream and are not counted
		assertThat(second.image().status()).isEqualTo(202);
	}

	private final class Person {

		final ApiClient client;

		final Studio studio;

		Person(ApiClient client) {
			this.client = client;
			this.studio = new Studio(client);
		}

		Response video(String imageId, int seconds) {
			return client.post("/api/video/generate",
					"{\"imageId\":\"%s\",\"prompt\":\"slow pan left\",\"duration\":%d,\"resolution\":\"512p\"}"
						.formatted(imageId, seconds));
		}

		Response image() {
			return client.post("/api/images",
					"{\"photoId\":\"" + studio.uploadSelfie() + "\",\"location\":\"" + studio.firstLocation() + "\"}");
		}

		long videos() {
			return jdbc.sql("SELECT count(*) FROM video_generations v JOIN users u ON u.id = v.user_id WHERE u.email = ?")
				.param(client.get("/api/me").json().path("email").asString())
				.query(Long.class)
				.single();
		}

	}

}
