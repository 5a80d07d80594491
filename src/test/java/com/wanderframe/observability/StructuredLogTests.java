package com.wanderframe.observability;

import java.time.Duration;
import java.util.List;

import java.io.ByteArrayOutputStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code WANDERFRAME_LOG_FORMAT=ecs} every log line is one JSON object (Spring Boot's
 * structured logging, the encoder that setting puts on the console), and the lines a
 * generation's background work writes carry its id and a trace id, so an operator can pull up
 * everything that happened to one generation. Logging is set up once per JVM (the suite's first
 * context decides the console's format), so the test hangs the same encoder on the running app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StructuredLogTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final ByteArrayOutputStream json = new ByteArrayOutputStream();

	private OutputStreamAppender<ILoggingEvent> appender;

	@BeforeEach
	void logAsEcsJson() {
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(logback);
		encoder.setFormat("ecs");
		encoder.start();
		appender = new OutputStreamAppender<>();
		appender.setContext(logback);
		appender.setEncoder(encoder);
		appender.setOutputStream(json);
		appender.start();
		logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
	}

	@AfterEach
	void stopLoggingAsJson() {
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
		appender.stop();
	}

	@Test
	void theLinesOfAGenerationsWorkCarryItsIdAndATraceId() {
		CapturedJson output = () -> json.toString(java.nio.charset.StandardCharsets.UTF_8);
		ApiClient person = ApiClient.signedUp(port);
		Studio studio = new Studio(person);
		String imageId = studio.imageAtLocation();
		String id = person.post("/api/video/generate", """
				{"imageId":"%s","prompt":"slow pan [[fail]]","duration":6,"resolution":"512p"}
				""".formatted(imageId)).json().path("id").asString();
		studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));

		await().atMost(Duration.ofSeconds(30)).until(() -> !linesAbout(output, id).isEmpty());
		List<JsonNode> lines = linesAbout(output, id);
		assertThat(lines).isNotEmpty().allSatisfy(line -> {
			assertThat(line.path("generationId").asString()).isEqualTo(id);
			assertThat(line.path("log").path("level").asString()).isNotBlank();
			// the scheduler's own start/end lines come before and after the job's span
			if (!line.path("log").path("logger").asString().endsWith(".JobLog")) {
				assertThat(traceId(line)).matches("[0-9a-f]{32}");
				assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
			}
		});
		assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asString()).contains("failed"));
	}

	/** The JSON lines whose message names the generation. */
	private static List<JsonNode> linesAbout(CapturedJson output, String id) {
		return output.text()
			.lines()
			.filter(line -> line.startsWith("{"))
			.map(JSON::readTree)
			.filter(line -> line.path("message").asString().contains(id))
			.toList();
	}

	private interface CapturedJson {

		String text();

	}

	private static String traceId(JsonNode line) {
		for (String field : List.of("traceId", "trace.id", "trace_id")) {
			if (line.hasNonNull(field)) {
				return line.path(field).asString();
			}
		}
		return line.path("trace").path("id").asString("");
	}

}
