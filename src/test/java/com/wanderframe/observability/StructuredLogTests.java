package com.wanderframe.observability;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code WANDERFRAME_LOG_FORMAT=ecs} every log line is one JSON object, and the lines a
 * generation's background work writes carry its id and a trace id, so an operator can pull up
 * everything that happened to one generation.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.structured.format.console=ecs")
class StructuredLogTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void theLinesOfAGenerationsWorkCarryItsIdAndATraceId(CapturedOutput output) {
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
			assertThat(traceId(line)).matches("[0-9a-f]{32}");
			assertThat(line.path("log.level").asString()).isNotBlank();
		});
		assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asString()).contains("failed"));
	}

	/** The JSON lines whose message names the generation. */
	private static List<JsonNode> linesAbout(CapturedOutput output, String id) {
		return output.getOut()
			.lines()
			.filter(line -> line.startsWith("{"))
			.map(JSON::readTree)
			.filter(line -> line.path("message").asString().contains(id))
			.toList();
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
