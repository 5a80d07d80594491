package com.wanderframe.replicate.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.PredictionStatus;
import com.wanderframe.replicate.ReplicateCallInterruptedException;
import com.wanderframe.replicate.ReplicateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** The client against a fake Replicate that speaks its HTTP API; no Spring context needed. */
@ExtendWith(OutputCaptureExtension.class)
class ReplicateClientTests {

	private static final String HAILUO = "minimax/hailuo-02";

	private static final byte[] MP4 = "not really an mp4, but bytes all the same".getBytes(StandardCharsets.UTF_8);

	private final FakeReplicate replicate = new FakeReplicate();

	private final HttpReplicateClient client = client(replicate.baseUrl(), FakeReplicate.TOKEN);

	@TempDir
	Path dir;

	@AfterEach
	void stopFake() {
		replicate.close();
	}

	@Test
	void startsFollowsAndFinishesAPrediction() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeedsAfterPolls(2, MP4, "video/mp4"));

		Prediction created = client.createPrediction(HAILUO, hailuoInput(),
				URI.create("https://app.example.com/api/webhooks/replicate"), Duration.ofMinutes(20));
		Prediction halfway = client.getPrediction(created.id());
		Prediction done = client.getPrediction(created.id());

		assertThat(created.status()).isEqualTo(PredictionStatus.STARTING);
		assertThat(created.model()).isEqualTo(HAILUO);
		assertThat(halfway.status()).isEqualTo(PredictionStatus.PROCESSING);
		assertThat(halfway.progress()).isEqualTo(50);
		assertThat(done.status()).isEqualTo(PredictionStatus.SUCCEEDED);
		assertThat(done.progress()).isEqualTo(100);
		assertThat(done.outputs()).hasSize(1);

		FakeReplicate.CreateRequest request = replicate.createdPredictions().get(0);
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeReplicate.TOKEN);
		assertThat(request.header("Cancel-After")).isEqualTo("20m");
		assertThat(request.input().path("prompt").asString()).isEqualTo("slow push-in over the lake");
		assertThat(request.input().path("duration").asInt()).isEqualTo(6);
		assertThat(request.input().path("resolution").asString()).isEqualTo("768p");
		assertThat(request.webhook()).isEqualTo("https://app.example.com/api/webhooks/replicate");
		assertThat(request.webhookEventsFilter()).containsExactly("start", "output", "logs", "completed");
	}

	@Test
	void anInputTheModelDoesNotTakeIsRefusedAsReplicateRefusesIt() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		Map<String, Object> input = hailuoInput();
		input.put("generate_audio", true);
		input.put("duration", "six");

		ReplicateException refused = catchThrowableOfType(ReplicateException.class,
				() -> client.createPrediction(HAILUO, input, null, null));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.isPermanent()).isTrue();
		assertThat(replicate.createdPredictions()).isEmpty();
		assertThat(replicate.rejectedInputs()).singleElement()
			.asString()
			.contains("Additional property generate_audio is not allowed")
			.contains("duration: Invalid type");
	}

	/**
	 * Replicate's own reason for a refusal is what an operator reads in the failure, shortened to
	 * a line, and even where Replicate echoes something of ours back the token never comes with it.
	 */
	@Test
	void aRefusalCarriesReplicatesReasonShortenedAndNeverTheToken() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		Map<String, Object> input = hailuoInput();
		// Replicate names an unknown property in its answer: here one that holds the token.
		input.put(FakeReplicate.TOKEN + "_" + "x".repeat(400), true);

		ReplicateException refused = catchThrowableOfType(ReplicateException.class,
				() -> client.createPrediction(HAILUO, input, null, null));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.getMessage()).contains("Replicate answered 422: ")
			.contains("Additional property [token]_xxx")
			.doesNotContain(FakeReplicate.TOKEN)
			.endsWith("…")
			.hasSizeLessThan(400);
	}

	@Test
	void withoutAWebhookOrDeadlineNeitherIsSent() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));

		client.createPrediction(HAILUO, hailuoInput(), null, null);

		FakeReplicate.CreateRequest request = replicate.createdPredictions().get(0);
		assertThat(request.header("Cancel-After")).isNull();
		assertThat(request.body().has("webhook")).isFalse();
		assertThat(request.body().has("webhook_events_filter")).isFalse();
	}

	@Test
	void cancelsAPredictionThatNeverFinishes() {
		replicate.onModel(HAILUO).respondWith(Scenario.neverFinishes());
		Prediction created = client.createPrediction(HAILUO, hailuoInput(), null, Duration.ofSeconds(90));
		assertThat(client.getPrediction(created.id()).status()).isEqualTo(PredictionStatus.PROCESSING);

		Prediction canceled = client.cancelPrediction(created.id());

		assertThat(canceled.status()).isEqualTo(PredictionStatus.CANCELED);
		assertThat(replicate.cancelCalls()).containsExactly(created.id());
		assertThat(replicate.createdPredictions().get(0).header("Cancel-After")).isEqualTo("90s");
	}

	@Test
	void reportsFailedCanceledAndAbortedPredictions() {
		replicate.onModel(HAILUO)
			.respondWith(Scenario.fails("CUDA out of memory"), Scenario.canceled(), Scenario.aborted());

		Prediction failed = client.getPrediction(client.createPrediction(HAILUO, hailuoInput(), null, null).id());
		Prediction canceled = client.getPrediction(client.createPrediction(HAILUO, hailuoInput(), null, null).id());
		Prediction aborted = client.getPrediction(client.createPrediction(HAILUO, hailuoInput(), null, null).id());

		assertThat(failed.status()).isEqualTo(PredictionStatus.FAILED);
		assertThat(failed.error()).isEqualTo("CUDA out of memory");
		assertThat(failed.outputs()).isEmpty();
		assertThat(canceled.status()).isEqualTo(PredictionStatus.CANCELED);
		assertThat(aborted.status()).isEqualTo(PredictionStatus.ABORTED);
	}

	@Test
	void aThrottledCreateIsSentAgainAfterRetryAfterAndStartsOnePrediction() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.failNextCreates(1, 429, 1);

		Prediction created = client.createPrediction(HAILUO, hailuoInput(), null, null);

		assertThat(created.status()).isEqualTo(PredictionStatus.STARTING);
		assertThat(replicate.createAttempts()).isEqualTo(2);
		assertThat(replicate.createdPredictions()).hasSize(1);
	}

	@Test
	void aCreateRefusedAsUnavailableIsSentAgain() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.failNextCreates(1, 503);

		client.createPrediction(HAILUO, hailuoInput(), null, null);

		assertThat(replicate.createAttempts()).isEqualTo(2);
		assertThat(replicate.createdPredictions()).hasSize(1);
	}

	@Test
	void aCreateThatMayHaveStartedSomethingIsNotSentAgain() {
		// A 500 after the request arrived may hide a started (and billed) prediction: no blind retry.
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.failNextCreates(1, 500);

		ReplicateException refused = catchThrowableOfType(ReplicateException.class,
				() -> client.createPrediction(HAILUO, hailuoInput(), null, null));

		assertThat(refused.status()).isEqualTo(500);
		assertThat(refused.isPermanent()).isFalse();
		assertThat(replicate.createAttempts()).isEqualTo(1);
	}

	@Test
	void aCreateThatGotNoAnswerIsNotSentAgain() throws Exception {
		// The request went out and nothing came back: Replicate may be working on it already.
		try (ServerSocket silent = new ServerSocket(0)) {
			AtomicInteger connections = new AtomicInteger();
			Thread acceptor = new Thread(() -> {
				List<Socket> open = new ArrayList<>();
				try {
					while (true) {
						open.add(silent.accept());
						connections.incrementAndGet();
					}
				}
				catch (IOException closed) {
					open.forEach(socket -> {
						try {
							socket.close();
						}
						catch (IOException ignored) {
							// closing anyway
						}
					});
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			HttpReplicateClient impatient = new HttpReplicateClient(new ReplicateProperties(
					"http://127.0.0.1:" + silent.getLocalPort() + "/v1", FakeReplicate.TOKEN, null,
					Duration.ofSeconds(2), Duration.ofMillis(300),
					new ReplicateProperties.Retry(5, Duration.ofMillis(10), Duration.ofSeconds(5)), null));

			ReplicateException unanswered = catchThrowableOfType(ReplicateException.class,
					() -> impatient.createPrediction(HAILUO, hailuoInput(), null, null));

			assertThat(unanswered.status()).isZero();
			assertThat(unanswered.getMessage()).contains("may have been received");
			assertThat(connections).hasValue(1);
		}
	}

	@Test
	void invalidInputIsRefusedOnceAndNotRetried() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.failNextCreates(1, 422);

		ReplicateException refused = catchThrowableOfType(ReplicateException.class,
				() -> client.createPrediction(HAILUO, hailuoInput(), null, null));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.isPermanent()).isTrue();
		assertThat(replicate.createAttempts()).isEqualTo(1);
		assertThat(replicate.createdPredictions()).isEmpty();
	}

	@Test
	void aThrottleLongerThanWeWaitEndsTheRetriesAtOnce() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.failNextCreates(1, 429, 3600);

		ReplicateException refused = catchThrowableOfType(ReplicateException.class,
				() -> client.createPrediction(HAILUO, hailuoInput(), null, null));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(replicate.createAttempts()).isEqualTo(1);
	}

	@Test
	void readsSurviveTransientServerErrors() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		String id = client.createPrediction(HAILUO, hailuoInput(), null, null).id();
		replicate.failNextGets(2, 503);

		Prediction prediction = client.getPrediction(id);

		assertThat(prediction.status()).isEqualTo(PredictionStatus.SUCCEEDED);
		assertThat(replicate.getCalls()).isEqualTo(3);
	}

	@Test
	void readsGiveUpAfterBoundedAttempts() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		String id = client.createPrediction(HAILUO, hailuoInput(), null, null).id();
		replicate.failNextGets(10, 502);

		ReplicateException unavailable = catchThrowableOfType(ReplicateException.class,
				() -> client.getPrediction(id));

		assertThat(unavailable.status()).isEqualTo(502);
		assertThat(replicate.getCalls()).isEqualTo(5);
	}

	@Test
	void aCancelIsTriedOnceAndAFailureIsReportedAtOnce() {
		// The video sweeper cancels best-effort; retries with backoff would hold it for minutes.
		replicate.onModel(HAILUO).respondWith(Scenario.neverFinishes());
		String id = client.createPrediction(HAILUO, hailuoInput(), null, null).id();
		replicate.failNextCancels(3, 503);

		ReplicateException unavailable = catchThrowableOfType(ReplicateException.class,
				() -> client.cancelPrediction(id));

		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(replicate.cancelCalls()).containsExactly(id);
	}

	@Test
	void aCreateInterruptedWhileWaitingForAnAnswerIsAnInterruptionNotAFailure() throws Exception {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.holdNextCreates(1);

		Interrupted interrupted = interruptWhen(() -> replicate.heldCreates() == 1,
				() -> client.createPrediction(HAILUO, hailuoInput(), null, null));

		assertThat(interrupted.thrown()).isExactlyInstanceOf(ReplicateCallInterruptedException.class)
			.isNotInstanceOf(ReplicateException.class)
			.hasMessageContaining("interrupted");
		assertThat(interrupted.flagSet()).isTrue();
	}

	@Test
	void aCallInterruptedWhileItWaitsOutRetryAfterIsAnInterruptionNotAFailure() throws Exception {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.failNextCreates(1, 429, 4);

		Interrupted interrupted = interruptWhen(() -> replicate.createAttempts() == 1,
				() -> client.createPrediction(HAILUO, hailuoInput(), null, null));

		assertThat(interrupted.thrown()).isExactlyInstanceOf(ReplicateCallInterruptedException.class);
		assertThat(interrupted.flagSet()).isTrue();
		assertThat(replicate.createAttempts()).isEqualTo(1);
	}

	@Test
	void aDownloadInterruptedWhileItWaitsToRetryLeavesNothingBehind() throws Exception {
		HttpReplicateClient patient = new HttpReplicateClient(new ReplicateProperties(replicate.baseUrl(),
				FakeReplicate.TOKEN, null, Duration.ofSeconds(2), Duration.ofSeconds(10),
				new ReplicateProperties.Retry(5, Duration.ofSeconds(20), Duration.ofSeconds(30)), null), FAKE_OUTPUTS);
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		Prediction done = client.getPrediction(client.createPrediction(HAILUO, hailuoInput(), null, null).id());
		replicate.failNextDownloads(1, 503);

		Interrupted interrupted = interruptWhen(() -> replicate.downloadAttempts() == 1, () -> {
			try {
				patient.download(done.outputs().get(0), dir.resolve("out.mp4"));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(interrupted.thrown()).isExactlyInstanceOf(ReplicateCallInterruptedException.class);
		assertThat(interrupted.flagSet()).isTrue();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void anOutputCanBeOneUrlOrAnArrayOfUrls() {
		replicate.onModel("black-forest-labs/flux-kontext-pro").respondWith(Scenario.succeeds(MP4, "image/jpeg"));
		replicate.onModel("bytedance/seedream-4")
			.respondWith(Scenario.succeeds(MP4, "image/jpeg").withOutputArray());

		Prediction single = client.getPrediction(
				client.createPrediction("black-forest-labs/flux-kontext-pro", Map.of("prompt", "x"), null, null).id());
		Prediction array = client
			.getPrediction(client.createPrediction("bytedance/seedream-4", Map.of("prompt", "x"), null, null).id());

		assertThat(single.outputs()).singleElement().asString().endsWith("/output.jpg");
		assertThat(array.outputs()).singleElement().asString().endsWith("/output.jpg");
		assertThat(replicate.predictionJson(array.id()).path("output").isArray()).isTrue();
		assertThat(replicate.predictionJson(single.id()).path("output").isString()).isTrue();
	}

	@Test
	void aSmallFileTravelsAsADataUrl() {
		byte[] jpeg = new byte[HttpReplicateClient.DATA_URL_LIMIT];
		Arrays.fill(jpeg, (byte) 7);

		String url = client.toInputUrl(jpeg, "image/jpeg", "me.jpg");

		assertThat(url).startsWith("data:image/jpeg;base64,");
		assertThat(java.util.Base64.getDecoder().decode(url.substring("data:image/jpeg;base64,".length())))
			.isEqualTo(jpeg);
		assertThat(replicate.uploadedFiles()).isEmpty();
	}

	@Test
	void aLargerFileIsUploadedThroughTheFilesApi() {
		byte[] jpeg = new byte[HttpReplicateClient.DATA_URL_LIMIT + 1];
		for (int i = 0; i < jpeg.length; i++) {
			jpeg[i] = (byte) (i * 31);
		}

		String url = client.toInputUrl(jpeg, "image/jpeg", "me at the lake.jpg");

		FakeReplicate.UploadedFile upload = replicate.uploadedFiles().get(0);
		assertThat(url).isEqualTo(replicate.baseUrl() + "/files/" + upload.id());
		assertThat(upload.bytes()).isEqualTo(jpeg);
		assertThat(upload.filename()).isEqualTo("me at the lake.jpg");
		assertThat(upload.partFilename()).isEqualTo("me at the lake.jpg");
		assertThat(upload.type()).isEqualTo("image/jpeg");
		assertThat(upload.partContentType()).isEqualTo("image/jpeg");
	}

	@Test
	void downloadsAnOutputDespiteATransientFailure() throws IOException {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		Prediction done = client.getPrediction(client.createPrediction(HAILUO, hailuoInput(), null, null).id());
		replicate.failNextDownloads(1, 503);
		Path target = dir.resolve("videos/out.mp4");

		client.download(done.outputs().get(0), target);

		assertThat(target).hasBinaryContent(MP4);
		assertThat(replicate.downloadAttempts()).isEqualTo(2);
		assertThat(leftovers()).containsExactly(target);
	}

	@Test
	void anOutputComesFromItsDeliveryHostWhichNeverSeesTheToken() throws IOException {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		Prediction done = client.getPrediction(client.createPrediction(HAILUO, hailuoInput(), null, null).id());
		URI output = done.outputs().get(0);
		Path target = dir.resolve("out.mp4");

		client.download(output, target);

		assertThat(output.toString()).startsWith(replicate.deliveryUrl() + "/" + done.id() + "/");
		assertThat(output.getPort()).isNotEqualTo(URI.create(replicate.baseUrl()).getPort());
		assertThat(target).hasBinaryContent(MP4);
		assertThat(replicate.outputRequests()).singleElement().satisfies(request -> {
			assertThat(request.path()).isEqualTo(output.getPath());
			assertThat(request.header("Authorization")).isNull();
			assertThat(request.headers().values().toString()).doesNotContain(FakeReplicate.TOKEN);
		});
	}

	@Test
	void aMissingOutputIsReportedAs404AndLeavesNothingBehind() throws IOException {
		replicate.onModel(HAILUO).respondWith(Scenario.outputMissing());
		Prediction done = client.getPrediction(client.createPrediction(HAILUO, hailuoInput(), null, null).id());
		Path target = dir.resolve("out.mp4");

		ReplicateException gone = catchThrowableOfType(ReplicateException.class,
				() -> client.download(done.outputs().get(0), target));

		assertThat(gone.status()).isEqualTo(404);
		assertThat(replicate.downloadAttempts()).isEqualTo(1);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aWrongTokenIsRefusedForGood() {
		HttpReplicateClient wrong = client(replicate.baseUrl(), "r8_wrong");

		ReplicateException refused = catchThrowableOfType(ReplicateException.class, () -> wrong.getPrediction("abc"));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.isPermanent()).isTrue();
		assertThat(replicate.unauthorizedCalls()).isEqualTo(1);
	}

	@Test
	void withoutATokenNothingIsSent() {
		HttpReplicateClient unconfigured = client(replicate.baseUrl(), " ");

		assertThat(unconfigured.isConfigured()).isFalse();
		assertThatThrownBy(() -> unconfigured.getPrediction("abc")).isInstanceOf(ReplicateException.class)
			.hasMessageContaining("REPLICATE_API_TOKEN");
		assertThat(replicate.getCalls()).isZero();
	}

	@Test
	void theTokenAppearsInNoMessageAndNoLogLine(CapturedOutput output) throws IOException {
		String token = "r8_SecretTokenThatMustNeverLeak42";
		FakeReplicate strict = new FakeReplicate(token, FakeReplicate.WEBHOOK_SECRET);
		HttpReplicateClient right = client(strict.baseUrl(), token);
		HttpReplicateClient wrong = client(strict.baseUrl(), token + "x");
		HttpReplicateClient unreachable = client("http://127.0.0.1:" + closedPort() + "/v1", token);
		Map<String, Object> input = hailuoInput();
		strict.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		try (strict) {
			strict.failNextCreates(2, 503);
			strict.failNextGets(10, 500);
			String id = right.createPrediction(HAILUO, input, null, null).id();
			Stream<Runnable> failures = Stream.of(() -> right.getPrediction(id),
					() -> wrong.createPrediction(HAILUO, input, null, null),
					() -> unreachable.createPrediction(HAILUO, input, null, null), () -> unreachable.getPrediction(id));
			failures.forEach(failure -> {
				Throwable thrown = catchThrowableOfType(ReplicateException.class, failure::run);
				for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain(token);
					assertThat(cause.toString()).doesNotContain(token);
				}
			});
		}

		assertThat(output.getAll()).contains("retrying").doesNotContain(token);
		assertThat(new ReplicateProperties("x", token, "whsec_abc", null, null, null, null).toString())
			.doesNotContain(token)
			.doesNotContain("whsec_abc");
	}

	@Test
	void deadlinesUseReplicatesDurationFormat() {
		assertThat(HttpReplicateClient.cancelAfter(Duration.ofMinutes(20))).isEqualTo("20m");
		assertThat(HttpReplicateClient.cancelAfter(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(HttpReplicateClient.cancelAfter(Duration.ofHours(1))).isEqualTo("1h");
		assertThat(HttpReplicateClient.cancelAfter(Duration.ofMillis(1500))).isEqualTo("5s");
		assertThat(HttpReplicateClient.cancelAfter(Duration.ofMillis(60_500))).isEqualTo("61s");
	}

	@Test
	void progressIsTheLastPercentageInTheLogs() {
		assertThat(PredictionJson.progress("  3%|3/100\nsomething\n 45%|####      | 45/100")).isEqualTo(45);
		assertThat(PredictionJson.progress("Loading model\n")).isNull();
		assertThat(PredictionJson.progress("")).isNull();
		assertThat(PredictionJson.progress(null)).isNull();
	}

	@Test
	void theFakeWritesEveryStatusAsReplicateSpellsIt() {
		// Literals, not PredictionStatus names: the fake must not inherit a misspelling from our enum.
		replicate.onModel(HAILUO)
			.respondWith(Scenario.succeedsAfterPolls(2, MP4, "video/mp4"), Scenario.fails("x"), Scenario.neverFinishes(),
					Scenario.aborted());
		String succeeding = client.createPrediction(HAILUO, hailuoInput(), null, null).id();
		String failing = client.createPrediction(HAILUO, hailuoInput(), null, null).id();
		String canceled = client.createPrediction(HAILUO, hailuoInput(), null, null).id();
		String aborted = client.createPrediction(HAILUO, hailuoInput(), null, null).id();

		String starting = wireStatus(succeeding);
		replicate.advance(succeeding);
		String processing = wireStatus(succeeding);
		replicate.finish(succeeding).finish(failing).finish(aborted);
		client.cancelPrediction(canceled);

		assertThat(List.of(starting, processing, wireStatus(succeeding), wireStatus(failing), wireStatus(canceled),
				wireStatus(aborted)))
			.containsExactly("starting", "processing", "succeeded", "failed", "canceled", "aborted");
	}

	private String wireStatus(String predictionId) {
		return replicate.predictionJson(predictionId).path("status").asString();
	}

	@Test
	void predictionsAreReadAsReplicateWritesThem() {
		Prediction prediction = PredictionJson.parse("""
				{"id":"gm3qorzdhgbfurvjtvhg6dckhu","model":"minimax/hailuo-02","version":"hidden",
				 "input":{"prompt":"x"},"logs":"12%|#","output":null,"error":null,"status":"processing",
				 "created_at":"2026-11-26T07:00:00.000Z","started_at":null,"completed_at":null,
				 "urls":{"get":"https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu"},
				 "metrics":{},"data_removed":false,"source":"api"}
				""".getBytes(StandardCharsets.UTF_8));

		assertThat(prediction).isEqualTo(new Prediction("gm3qorzdhgbfurvjtvhg6dckhu", "minimax/hailuo-02",
				PredictionStatus.PROCESSING, List.of(), null, 12));
		assertThatThrownBy(() -> PredictionJson.parse("{\"id\":\"x\",\"status\":\"cancelled\"}".getBytes()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** What a call running on its own thread threw after that thread was interrupted, and its flag then. */
	private record Interrupted(Throwable thrown, boolean flagSet) {
	}

	/** Runs {@code call} on a thread of its own and interrupts it once {@code blocked} holds. */
	private static Interrupted interruptWhen(java.util.concurrent.Callable<Boolean> blocked, Runnable call)
			throws InterruptedException {
		AtomicReference<Interrupted> result = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				call.run();
				result.set(new Interrupted(null, Thread.currentThread().isInterrupted()));
			}
			catch (RuntimeException ex) {
				result.set(new Interrupted(ex, Thread.currentThread().isInterrupted()));
			}
		}, "interrupted-caller");
		caller.start();
		await().atMost(Duration.ofSeconds(10)).until(blocked);
		caller.interrupt();
		caller.join(Duration.ofSeconds(10).toMillis());
		assertThat(caller.isAlive()).as("the call ended after the interrupt").isFalse();
		return result.get();
	}

	private List<Path> leftovers() throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	static Map<String, Object> hailuoInput() {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("prompt", "slow push-in over the lake");
		input.put("first_frame_image", "data:image/jpeg;base64,AAAA");
		input.put("duration", 6);
		input.put("resolution", "768p");
		input.put("prompt_optimizer", false);
		return input;
	}

	static HttpReplicateClient client(String baseUrl, String token) {
		return new HttpReplicateClient(properties(baseUrl, token, null), FAKE_OUTPUTS);
	}

	/** The fake serves outputs on http://127.0.0.1 (see src/test/resources/config/application.properties). */
	static final ReplicateOutputProperties FAKE_OUTPUTS = new ReplicateOutputProperties("http://127.0.0.1", null, null);

	static ReplicateProperties properties(String baseUrl, String token, String webhookSecret) {
		return new ReplicateProperties(baseUrl, token, webhookSecret, Duration.ofSeconds(2), Duration.ofSeconds(10),
				new ReplicateProperties.Retry(5, Duration.ofMillis(10), Duration.ofSeconds(5)), null);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
