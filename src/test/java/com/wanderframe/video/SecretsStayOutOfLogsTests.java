package com.wanderframe.video;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole Replicate-backed run (image on flux-kontext-pro, video on hailuo-02 finished by a signed
 * webhook, a forged webhook refused, sign-out and sign-in) with a token and webhook secret of its
 * own and the app's, web and security logging turned up to DEBUG: none of the secrets (the API token, the
 * webhook secret, the database password, a session id) appears in a log line or a response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTests {

	static final String TOKEN = "r8_SecretsTestTokenNobodyMayEverSee0000000";

	static final String WEBHOOK_SECRET = "whsec_U2VjcmV0c1Rlc3RXZWJob29rS2V5Tm9ib2R5U2Vlcw==";

	static final FakeReplicate replicate = new FakeReplicate(TOKEN, WEBHOOK_SECRET);

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-video", () -> "replicate");
		registry.add("wanderframe.models.default-image", () -> "replicate");
		registry.add("wanderframe.video.public-url", () -> "https://wanderframe.example/");
		registry.add("wanderframe.video.reconciliation-poll", () -> "10m");
	}

	/** The app's own loggers, and those of the web and security layers, at their most talkative. */
	static final List<String> LOUD = List.of("com.wanderframe", "org.springframework.web", "org.springframework.security");

	@BeforeEach
	void logEverything() {
		LOUD.forEach(logger -> logging().setLogLevel(logger, LogLevel.DEBUG));
	}

	@AfterEach
	void logAsBefore() {
		LOUD.forEach(logger -> logging().setLogLevel(logger, logger.equals("com.wanderframe") ? LogLevel.INFO : null));
	}

	private static LoggingSystem logging() {
		return LoggingSystem.get(SecretsStayOutOfLogsTests.class.getClassLoader());
	}

	@AfterAll
	static void stopTheFake() {
		replicate.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	org.springframework.core.env.Environment environment;

	/** The password the app connects to PostgreSQL with, however its DataSource was made. */
	private String databasePassword() {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				return dataSource.unwrap(HikariDataSource.class).getPassword();
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return environment.getProperty("spring.datasource.password");
	}

	@Test
	void noSecretIsLoggedOrAnswered(CapturedOutput output) {
		List<String> bodies = new ArrayList<>();
		List<String> sessionCookies = new ArrayList<>();
		replicate.onModel("black-forest-labs/flux-kontext-pro")
			.respondWith(Scenario.succeedsAfterPolls(2, Studio.selfieJpeg(1392, 752), "image/jpeg"));
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeedsAfterPolls(1000, TestVideos.mp4(), "video/mp4"));
		String email = ApiClient.uniqueEmail();
		ApiClient client = new ApiClient(port);
		bodies.add(client.post("/api/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}").body());
		sessionCookies.add(client.sessionCookie());
		Studio studio = new Studio(client);

		String photo = studio.uploadSelfie();
		ApiClient.Response image = client.post("/api/images",
				"{\"photoId\":\"" + photo + "\",\"location\":\"" + studio.firstLocation() + "\"}");
		bodies.add(image.body());
		JsonNode madeImage = studio.awaitTerminal("/api/images/" + image.json().path("id").asString(),
				Duration.ofMinutes(1));
		assertThat(madeImage.path("status").asString()).as(madeImage.toString()).isEqualTo("completed");
		bodies.add(madeImage.toString());
		ApiClient.Response generate = client.post("/api/video/generate",
				"{\"imageId\":\"" + madeImage.path("id").asString() + "\",\"prompt\":\"gentle camera pan to the right\"}");
		assertThat(generate.status()).as(generate.toString()).isEqualTo(202);
		bodies.add(generate.body());
		String id = generate.json().path("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> replicate.createdPredictions().stream().anyMatch(p -> p.model().equals("minimax/hailuo-02")));
		String prediction = replicate.createdPredictions()
			.stream()
			.filter(p -> p.model().equals("minimax/hailuo-02"))
			.findFirst()
			.orElseThrow()
			.id();
		URI webhook = URI.create("http://localhost:" + port + "/api/webhooks/replicate");
		replicate.finish(prediction);
		assertThat(replicate.sendForgedWebhook(webhook, prediction).status()).isEqualTo(401);
		assertThat(replicate.sendWebhook(webhook, prediction).status()).isBetween(200, 299);
		JsonNode video = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));
		assertThat(video.path("status").asString()).as(video.toString()).isEqualTo("completed");
		bodies.add(video.toString());
		bodies.add(client.get("/api/video").body());
		bodies.add(client.get("/api/images").body());
		bodies.add(client.get("/api/me").body());
		bodies.add(client.get("/api/video/options").body());
		bodies.add(client.get("/studio").body());
		bodies.add(client.get("/history").body());
		bodies.add(client.get("/actuator/health").body());
		bodies.add(client.get("/api/does-not-exist").body());
		bodies.add(client.post("/api/auth/signout", "").body());
		bodies.add(client.post("/api/auth/signin", "{\"email\":\"" + email + "\",\"password\":\"wrong horse\"}").body());
		bodies.add(client.post("/api/auth/signin", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}").body());
		sessionCookies.add(client.sessionCookie());
		bodies.add(client.get("/api/me").body());

		List<String> secrets = new ArrayList<>(List.of(TOKEN, WEBHOOK_SECRET, WEBHOOK_SECRET.substring("whsec_".length())));
		// The embedded database generates its passwords at first start: there is always one to keep.
		String databasePassword = databasePassword();
		assertThat(databasePassword).as("the database password").isNotBlank();
		secrets.add(databasePassword);
		sessionCookies.stream().filter(cookie -> cookie != null).forEach(secrets::add);
		secrets.addAll(jdbc.sql("SELECT session_id FROM spring_session").query(String.class).list());
		assertThat(sessionCookies).as("the run had sessions to keep secret").doesNotContainNull().hasSize(2);
		assertThat(output.getAll()).as("the run was logged at all").contains("DEBUG");
		for (String secret : secrets) {
			assertThat(output.getAll()).as("the log").doesNotContain(secret);
			assertThat(bodies).as("the responses").noneMatch(body -> body.contains(secret));
		}
	}

}
