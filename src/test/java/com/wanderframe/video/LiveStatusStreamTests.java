package com.wanderframe.video;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import com.wanderframe.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live status streams cost a connection and a thread's attention each: a person gets a few, and
 * a browser that stops reading slows nobody else down.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveStatusStreamTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReaderThatNeverReadsDoesNotDelayAnotherFollowersEvents() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		// A long prompt makes every event a few kilobytes, so the stalled socket fills quickly.
		UUID id = processingGeneration(client, "slow push in, " + "gentle wind ".repeat(600));
		List<Thread> readers = new ArrayList<>();
		try (Socket stalled = new Socket()) {
			stalled.setReceiveBufferSize(4096);
			stalled.connect(new InetSocketAddress("127.0.0.1", port));
			OutputStream out = stalled.getOutputStream();
			out.write(("GET /api/video/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nAccept: text/event-stream\r\nCookie: SESSION=" + client.sessionCookie() + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// ...and never reads a byte.
			BlockingQueue<String> seen = follow(client, id, readers);
			await().atMost(Duration.ofSeconds(20)).until(() -> seen.stream().anyMatch(line -> line.startsWith("data:")));

			// Enough changes to fill the stalled reader's socket several times over.
			for (int progress = 1; progress <= 1500; progress++) {
				jdbc.sql("UPDATE video_generations SET progress = ? WHERE id = ?").params(progress % 90, id).update();
			}
			jdbc.sql("""
					UPDATE video_generations SET status = 'failed', error_code = 'slow_reader_check',
					    error_message = 'done' WHERE id = ?
					""").param(id).update();

			await().atMost(Duration.ofSeconds(20))
				.until(() -> seen.stream().anyMatch(line -> line.contains("slow_reader_check")));
		}
		finally {
			readers.forEach(Thread::interrupt);
		}
	}

	@Test
	void aPersonMayFollowAGenerationInOnlyAFewStreamsAtOnce() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		UUID first = processingGeneration(client, "pan right");
		UUID second = processingGeneration(client, "pan left");
		List<HttpResponse<Stream<String>>> open = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				open.add(client.lines("/api/video/" + first + "/events"));
			}
			HttpResponse<Stream<String>> fourthOnOne = client.lines("/api/video/" + first + "/events");
			open.add(fourthOnOne);
			for (int i = 0; i < 2; i++) {
				open.add(client.lines("/api/video/" + second + "/events"));
			}
			HttpResponse<Stream<String>> sixthForThePerson = client.lines("/api/video/" + second + "/events");
			open.add(sixthForThePerson);

			assertThat(open.subList(0, 3)).allMatch(response -> response.statusCode() == 200);
			assertThat(fourthOnOne.statusCode()).isEqualTo(429);
			assertThat(fourthOnOne.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(String.join("", fourthOnOne.body().toList())).contains("too_many_streams");
			assertThat(open.subList(4, 6)).allMatch(response -> response.statusCode() == 200);
			assertThat(sixthForThePerson.statusCode()).isEqualTo(429);
			assertThat(sixthForThePerson.headers().firstValue("Retry-After")).isPresent();
			// Someone else is not affected by this person's streams.
			ApiClient other = ApiClient.signedUp(port);
			HttpResponse<Stream<String>> theirs = other.lines("/api/video/" + processingGeneration(other, "tilt up")
					+ "/events");
			open.add(theirs);
			assertThat(theirs.statusCode()).isEqualTo(200);
		}
		finally {
			open.forEach(response -> response.body().close());
		}
	}

	private UUID processingGeneration(ApiClient client, String prompt) {
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		return jdbc.sql("""
				INSERT INTO video_generations (user_id, image_id, image_url, prompt, effective_prompt, model,
				    duration_seconds, resolution, cost, status, started_at)
				VALUES (?, gen_random_uuid(), 'images/x.png', ?, ?, 'test/held', 6, '768p', 5, 'processing', now())
				RETURNING id
				""").params(user, prompt, prompt).query(UUID.class).single();
	}

	/** Reads a stream on its own thread, as a browser does; every line lands in the queue. */
	private static BlockingQueue<String> follow(ApiClient client, UUID id, List<Thread> readers) {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpResponse<Stream<String>> stream = client.lines("/api/video/" + id + "/events");
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try (Stream<String> body = stream.body()) {
				body.forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// closed at the end of the test
			}
		}, "test-follower");
		reader.setDaemon(true);
		reader.start();
		readers.add(reader);
		return lines;
	}

}
