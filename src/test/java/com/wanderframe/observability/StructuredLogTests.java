package com.wanderframe.observability;

import java.time.Duration;
import java.util.List;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code WANDERFRAME_LOG_FORMAT=ecs} every log line is one JSON object (Spring Boot's
 * structured logging, the encoder that setting puts on the console), and the lines a
 * generation's background work writes carry its id and a trace id, so an operator can pull up
 * everything that happened to one generation. Logging is set up once per JVM (the suite's first
 * context decides the console's format), so the test hangs the same encoder on the running app
 * ({@link JsonLogCapture}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StructuredLogTests {

	@RegisterExtension
	final JsonLogCapture log = new JsonLogCapture();

	@LocalServerPort
	int port;

	@Test
	void theLinesOfAGenerationsWorkCarryItsIdAndATraceId() {
		ApiClient person = ApiClient.signedUp(port);
		Studio studio = new Studio(person);
		String imageId = studio.imageAtLocation();
		String id = person.post("/api/video/generate", """
				{"imageId":"%s","prompt":"slow pan [[fail]]","duration":6,"resolution":"512p"}
				""".formatted(imageId)).json().path("id").asString();
		studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));

		await().atMost(Duration.ofSeconds(30)).until(() -> !linesAbout(id).isEmpty());
		List<JsonNode> lines = linesAbout(id);
		assertThat(lines).isNotEmpty().allSatisfy(line -> {
			assertThat(line.path("generationId").asString()).isEqualTo(id);
			assertThat(line.path("log").path("level").asString()).isNotBlank();
			// the scheduler's own start/end lines come before and after the job's span
			if (!line.path("log").path("logger").asString().endsWith(".JobLog")) {
				assertThat(JsonLogCapture.traceId(line)).matches("[0-9a-f]{32}");
				assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
			}
		});
		assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asString()).contains("failed"));
	}

	/** The JSON lines whose message names the generation. */
	private List<JsonNode> linesAbout(String id) {
		return log.lines().stream().filter(line -> line.path("message").asString().contains(id)).toList();
	}

}
