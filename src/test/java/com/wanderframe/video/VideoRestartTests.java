package com.wanderframe.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Ledger;
import com.wanderframe.Studio;
import com.wanderframe.WanderframeApplication;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.wanderframe.video.internal.render.Mp4Files;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash loses no paid work: a generation that is processing when the app stops reaches its
 * end after the app starts again on the same database, without a second charge.
 */
class VideoRestartTests {

	@Test
	void aGenerationInFlightWhenTheAppStopsFinishesAfterItStartsAgain(@TempDir Path data) {
		try (FakeReplicate replicate = new FakeReplicate()) {
			replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeedsAfterPolls(1_000_000, TestVideos.mp4(), "video/mp4"));
			String id;
			String prediction;
			ApiClient client;
			try (ConfigurableApplicationContext app = start(data, replicate)) {
				client = ApiClient.signedUp(port(app));
				Studio studio = new Studio(client);
				String imageId = studio.imageAtLocation();
				id = client.post("/api/video/generate",
						"{\"imageId\":\"%s\",\"prompt\":\"drone rise\",\"resolution\":\"512p\"}".formatted(imageId))
					.json()
					.path("id")
					.asString();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> client.get("/api/video/" + id).json().path("status").asString().equals("processing")
							&& !replicate.createdPredictions().isEmpty());
				prediction = replicate.createdPredictions().get(0).id();
			}

			replicate.finish(prediction); // it finished while we were down

			try (ConfigurableApplicationContext app = start(data, replicate)) {
				ApiClient again = new ApiClient(port(app));
				// A new port means a new cookie jar: sign in again with the same account.
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				String owner = jdbc.sql("SELECT u.email FROM users u JOIN video_generations v ON v.user_id = u.id WHERE v.id = ?")
					.param(UUID.fromString(id))
					.query(String.class)
					.single();
				assertThat(again.post("/api/auth/signin", "{\"email\":\"%s\",\"password\":\"correct horse\"}".formatted(owner))
					.status()).isEqualTo(200);

				JsonNode done = new Studio(again).awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

				assertThat(done.path("status").asString()).isEqualTo("completed");
				assertThat(replicate.createdPredictions()).hasSize(1);
				assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
			}
		}
	}

	@Test
	void aRenderCutShortByAStopIsRenderedAgainAfterTheStart(@TempDir Path data) throws Exception {
		String id;
		String owner;
		// A short shutdown wait, so the stop interrupts the render instead of waiting for it.
		String[] local = { "--server.port=0", "--wanderframe.data.dir=" + data, "--wanderframe.models.default-video=local",
				"--wanderframe.models.default-image=local", "--db-scheduler.shutdown-max-wait=1s" };
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WanderframeApplication.class).run(local)) {
			ApiClient client = ApiClient.signedUp(port(app));
			Studio studio = new Studio(client);
			String imageId = studio.imageAtLocation();
			id = client.post("/api/video/generate",
					"{\"imageId\":\"%s\",\"prompt\":\"slow orbit\",\"duration\":10,\"resolution\":\"768p\"}"
						.formatted(imageId))
				.json()
				.path("id")
				.asString();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> client.get("/api/video/" + id).json().path("status").asString().equals("processing"));
			owner = client.get("/api/me").json().path("email").asString();
		}

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WanderframeApplication.class).run(local)) {
			ApiClient again = new ApiClient(port(app));
			assertThat(again.post("/api/auth/signin", "{\"email\":\"%s\",\"password\":\"correct horse\"}".formatted(owner))
				.status()).isEqualTo(200);

			JsonNode done = new Studio(again).awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));

			assertThat(done.path("status").asString()).isEqualTo("completed");
			assertThat(Ledger.entriesFor(app.getBean(JdbcClient.class), id)).containsExactly("charge");
			Path mp4 = Files.write(data.resolve("downloaded.mp4"), again.get(done.path("videoUrl").asString()).bytes());
			assertThat(Mp4Files.probe(mp4).frameCount()).isEqualTo(250);
		}
	}

	private static ConfigurableApplicationContext start(Path data, FakeReplicate replicate) {
		return new SpringApplicationBuilder(WanderframeApplication.class).run("--server.port=0",
				"--wanderframe.data.dir=" + data, "--wanderframe.replicate.base-url=" + replicate.baseUrl(),
				"--wanderframe.replicate.api-token=" + FakeReplicate.TOKEN,
				"--wanderframe.replicate.webhook-secret=" + FakeReplicate.WEBHOOK_SECRET,
				"--wanderframe.models.default-video=replicate", "--wanderframe.models.default-image=local",
				"--wanderframe.video.first-poll=200ms", "--wanderframe.video.max-poll-interval=1s");
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

}
