package com.wanderframe.video.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.generation.GenerationId;
import com.wanderframe.generation.GenerationRow;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.generation.ModelCatalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With one render slot, local videos wait their turn in the order they were asked for, stay
 * {@code pending} while they wait, and tell the person how many wait ahead of them: in the API
 * and over the live status stream, moving up as the queue moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wanderframe.render.concurrency=1")
class RenderQueueTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	RenderQueue renderQueue;

	@Autowired
	JdbcClient jdbc;

	@Test
	void queuedRendersShowHowManyWaitAheadAndRunOneAtATimeInTheOrderAsked() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();

		// The one slot is busy (as with someone else's render) until we let go.
		RenderQueue.Slot busy = renderQueue.take(new GenerationRow(new GenerationId(UUID.randomUUID()), null,
				ModelCatalogue.LOCAL_MOTION, null, GenerationStatus.PROCESSING, Instant.EPOCH, Instant.EPOCH));
		List<String> ids = new ArrayList<>();
		HttpResponse<Stream<String>> stream;
		try {
			for (String prompt : List.of("slow push in", "gentle pan to the right", "tilt up")) {
				ApiClient.Response accepted = client.post("/api/video/generate", """
						{"imageId":"%s","prompt":"%s","duration":6,"resolution":"512p","model":"local/motion"}
						""".formatted(imageId, prompt));
				assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
				ids.add(accepted.json().path("id").asString());
			}

			for (int i = 0; i < ids.size(); i++) {
				JsonNode view = client.get("/api/video/" + ids.get(i)).json();
				assertThat(view.path("status").asString()).isEqualTo("pending");
				assertThat(view.path("queueAhead").asInt(-1)).as("waiting ahead of video %d", i).isEqualTo(i);
			}
			stream = client.lines("/api/video/" + ids.get(2) + "/events");
			assertThat(stream.statusCode()).isEqualTo(200);
		}
		finally {
			busy.close();
		}

		BlockingQueue<JsonNode> seen = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (Stream<String> lines = stream.body()) {
				lines.filter(line -> line.startsWith("data:")).forEach(line -> seen.add(JSON.readTree(line.substring(5))));
			}
			catch (RuntimeException ex) {
				// the stream ended
			}
		}, "test-follower");
		reader.setDaemon(true);
		reader.start();
		await().atMost(Duration.ofMinutes(2))
			.until(() -> seen.stream().anyMatch(view -> GenerationStatus.of(view.path("status").asString()).isTerminal()));

		// What the third person in line saw: 2 ahead, 1, 0, then its own render, then the video.
		List<String> states = new ArrayList<>();
		for (JsonNode view : seen) {
			String state = view.path("status").asString()
					+ (view.has("queueAhead") ? " " + view.path("queueAhead").asInt() + " ahead" : "");
			if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
				states.add(state);
			}
		}
		assertThat(states).containsExactly("pending 2 ahead", "pending 1 ahead", "pending 0 ahead", "processing",
				"completed");

		// Served in the order asked.
		List<Instant> starts = ids.stream()
			.map(id -> jdbc.sql("SELECT started_at FROM video_generations WHERE id = ?::uuid")
				.param(id)
				.query((rs, n) -> rs.getTimestamp(1).toInstant())
				.single())
			.toList();
		assertThat(starts).isSorted();
	}

}
