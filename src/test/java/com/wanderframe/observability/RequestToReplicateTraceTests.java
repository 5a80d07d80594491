package com.wanderframe.observability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With tracing switched on ({@code WANDERFRAME_TRACING=true}, spans sent to a collector), one
 * trace runs from the person's generate request through the generation's background jobs to the
 * Replicate calls they make: the {@code traceparent} the request came with (as a proxy or the
 * browser's instrumentation would send it) is the trace Replicate is called in, the trace id on
 * every line the jobs log, and the trace the collector receives the job and Replicate spans in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestToReplicateTraceTests {

	static final FakeReplicate replicate = new FakeReplicate();

	static final Collector collector = new Collector();

	@DynamicPropertySource
	static void tracingOnAndReplicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-video", () -> "replicate");
		registry.add("wanderframe.models.default-image", () -> "local");
		registry.add("wanderframe.video.first-poll", () -> "100ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "400ms");
		registry.add("WANDERFRAME_TRACING", () -> "true");
		registry.add("WANDERFRAME_TRACING_ENDPOINT", collector::endpoint);
	}

	@AfterAll
	static void stop() {
		replicate.close();
		collector.close();
	}

	@LocalServerPort
	int port;

	@RegisterExtension
	final JsonLogCapture log = new JsonLogCapture();

	@Test
	void theRequestsTraceRunsThroughTheJobsToReplicate() {
		replicate.onModel("minimax/hailuo-02").respondWith(Scenario.fails("NSFW content detected").afterPolls(2));
		ApiClient person = ApiClient.signedUp(port);
		Studio studio = new Studio(person);
		String imageId = studio.imageAtLocation();
		String traceId = randomHex(16);
		String requestSpan = randomHex(8);

		ApiClient.Response accepted = person.send(person.request("/api/video/generate")
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + traceId + "-" + requestSpan + "-01")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"imageId":"%s","prompt":"slow pan","duration":6,"resolution":"512p"}
					""".formatted(imageId))));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String id = accepted.json().path("id").asString();
		JsonNode failed = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));
		assertThat(failed.path("status").asString()).isEqualTo("failed");

		// Replicate was called in the request's trace, from a span of its own (the call's).
		assertThat(replicate.createdPredictions()).singleElement().satisfies(create -> {
			String[] traceparent = create.header("traceparent").split("-");
			assertThat(traceparent).hasSize(4);
			assertThat(traceparent[1]).isEqualTo(traceId);
			assertThat(traceparent[2]).matches("[0-9a-f]{16}").isNotEqualTo(requestSpan);
		});

		// Every line the start and poll jobs wrote while they ran is in that trace.
		await().atMost(Duration.ofSeconds(30)).until(() -> linesOfJobs(id).stream()
			.anyMatch(line -> line.path("message").asString().contains("failed")));
		assertThat(linesOfJobs(id)).isNotEmpty()
			.allSatisfy(line -> assertThat(JsonLogCapture.traceId(line))
				.as(line.toString())
				.isEqualTo(traceId));

		// The collector received the job's and the Replicate call's spans in that trace.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(collector.spansOf(traceId)).contains("job generation-start",
					"replicate create_prediction", "job generation-poll", "replicate get_prediction"));
	}

	/** The JSON lines about the generation written inside a job's span (the scheduler's own start/end lines are not). */
	private List<JsonNode> linesOfJobs(String id) {
		return log.lines()
			.stream()
			.filter(line -> id.equals(line.path("generationId").asString()))
			.filter(line -> !line.path("log").path("logger").asString().endsWith(".JobLog"))
			.toList();
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	/**
	 * An OpenTelemetry collector's OTLP/HTTP traces endpoint, keeping what it is sent. It reads
	 * the protobuf only as far as the test needs: the names of the spans whose trace id is the
	 * one asked for (a span is {@code trace_id = 1} then the other fields, {@code name = 5}).
	 */
	static final class Collector implements AutoCloseable {

		private final HttpServer server;

		private final List<byte[]> exports = new CopyOnWriteArrayList<>();

		Collector() {
			try {
				server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			server.createContext("/v1/traces", this::receive);
			server.start();
		}

		String endpoint() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
		}

		private void receive(HttpExchange exchange) throws IOException {
			try (InputStream body = exchange.getRequestBody()) {
				exports.add(body.readAllBytes());
			}
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			// An empty ExportTraceServiceResponse: everything accepted.
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		}

		/** The names of the exported spans of this trace. */
		List<String> spansOf(String traceId) {
			byte[] id = HexFormat.of().parseHex(traceId);
			List<String> names = new java.util.ArrayList<>();
			for (byte[] export : exports) {
				Spans.collect(export, id, names);
			}
			return names;
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

	/**
	 * Walks OTLP's ExportTraceServiceRequest: resource_spans (1) → scope_spans (2) → spans (2),
	 * each span with trace_id (1) and name (5). A protobuf reader written for the test because
	 * the OTLP exporter serializes without generated message classes: one test does not warrant
	 * protobuf and the OTLP message classes on the build's class path.
	 */
	private static final class Spans {

		static void collect(byte[] request, byte[] traceId, List<String> names) {
			for (byte[] resourceSpans : fields(request, 1)) {
				for (byte[] scopeSpans : fields(resourceSpans, 2)) {
					for (byte[] span : fields(scopeSpans, 2)) {
						List<byte[]> ids = fields(span, 1);
						if (!ids.isEmpty() && java.util.Arrays.equals(ids.get(0), traceId)) {
							fields(span, 5).forEach(name -> names.add(new String(name, StandardCharsets.UTF_8)));
						}
					}
				}
			}
		}

		/** The length-delimited fields numbered {@code number} of one message. */
		private static List<byte[]> fields(byte[] message, int number) {
			List<byte[]> found = new java.util.ArrayList<>();
			int[] at = { 0 };
			while (at[0] < message.length) {
				long key = varint(message, at);
				int field = (int) (key >>> 3);
				int wire = (int) (key & 7);
				switch (wire) {
					case 0 -> varint(message, at);
					case 1 -> at[0] += 8;
					case 5 -> at[0] += 4;
					case 2 -> {
						int length = (int) varint(message, at);
						if (field == number) {
							found.add(java.util.Arrays.copyOfRange(message, at[0], at[0] + length));
						}
						at[0] += length;
					}
					default -> throw new IllegalArgumentException("Unexpected protobuf wire type " + wire);
				}
			}
			return found;
		}

		private static long varint(byte[] message, int[] at) {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				byte b = message[at[0]++];
				value |= (long) (b & 0x7f) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("Malformed varint");
		}

	}

}
