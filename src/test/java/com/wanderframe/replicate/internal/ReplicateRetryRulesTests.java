package com.wanderframe.replicate.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;

import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.ReplicateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client's rules as computed values, without a server in between: who may receive the token,
 * how long a retry waits, how Replicate's {@code Retry-After} is read, which prediction ids are
 * accepted.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicateRetryRulesTests {

	private static final URI API = URI.create("https://api.replicate.com/v1");

	private static final String HAILUO = "minimax/hailuo-02";

	private static final byte[] MP4 = "an mp4's bytes".getBytes(StandardCharsets.UTF_8);

	private final FakeReplicate replicate = new FakeReplicate();

	private final HttpReplicateClient client = ReplicateClientTests.client(replicate.baseUrl(), FakeReplicate.TOKEN);

	@TempDir
	Path dir;

	@AfterEach
	void stopFake() {
		replicate.close();
	}

	@Test
	void onlyReplicatesOwnOriginGetsTheToken() {
		assertThat(HttpReplicateClient.sameOrigin(API, URI.create("https://api.replicate.com/v1/files/f1"))).isTrue();
		assertThat(HttpReplicateClient.sameOrigin(API, URI.create("https://API.Replicate.com:443/v1/files/f1")))
			.as("the scheme's default port written out, host in capitals").isTrue();

		assertThat(HttpReplicateClient.sameOrigin(API, URI.create("https://replicate.delivery/xyz/out.mp4")))
			.as("the delivery host").isFalse();
		assertThat(HttpReplicateClient.sameOrigin(API, URI.create("https://api.replicate.com:8443/v1/files/f1")))
			.as("Replicate's host name on another port is somebody else's server").isFalse();
		assertThat(HttpReplicateClient.sameOrigin(API, URI.create("http://api.replicate.com/v1/files/f1")))
			.as("plain http would send the token in clear text").isFalse();
		assertThat(HttpReplicateClient.sameOrigin(URI.create("http://127.0.0.1:8080"),
				URI.create("http://127.0.0.1/files/f1")))
			.as("http's default port 80 is not 8080").isFalse();
		assertThat(HttpReplicateClient.sameOrigin(URI.create("http://127.0.0.1"), URI.create("http://127.0.0.1:80/f")))
			.isTrue();
	}

	@Test
	void retriesWaitLongerEachTimeWithinTheCapAndSpreadOut() {
		Duration initial = Duration.ofMillis(100);
		Duration cap = Duration.ofSeconds(2);
		long[] expected = { 100, 200, 400, 800, 1600, 2000, 2000 };
		for (int attempt = 1; attempt <= expected.length; attempt++) {
			int n = attempt;
			LongSummaryStatistics waits = IntStream.range(0, 400)
				.mapToLong(i -> HttpReplicateClient.backoff(n, initial, cap).toMillis())
				.summaryStatistics();
			long full = expected[attempt - 1];
			// Half of the wait is fixed, the other half random: never shorter than half, never past the cap.
			assertThat(waits.getMin()).as("attempt %d", attempt).isGreaterThanOrEqualTo(full / 2);
			assertThat(waits.getMax()).as("attempt %d", attempt).isLessThanOrEqualTo(full);
			// Clients that failed together must not retry together (a retry storm): the waits differ.
			assertThat(waits.getMax() - waits.getMin()).as("attempt %d", attempt).isGreaterThan(full / 4);
		}
		assertThat(HttpReplicateClient.backoff(200, initial, cap)).as("a huge attempt number does not overflow")
			.isBetween(Duration.ofSeconds(1), cap);
		assertThat(HttpReplicateClient.backoff(1, Duration.ZERO, cap)).as("no backoff configured: retry at once")
			.isZero();
		assertThat(HttpReplicateClient.backoff(1, Duration.ofMillis(1), cap)).isLessThanOrEqualTo(Duration.ofMillis(1));
	}

	@Test
	void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
		assertThat(HttpReplicateClient.parseRetryAfter("3")).isEqualTo(Duration.ofSeconds(3));
		assertThat(HttpReplicateClient.parseRetryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
		assertThat(HttpReplicateClient.parseRetryAfter("-5")).as("never a negative wait").isEqualTo(Duration.ZERO);
		assertThat(HttpReplicateClient.parseRetryAfter("soon")).as("unreadable: our own backoff").isNull();

		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
		assertThat(HttpReplicateClient.parseRetryAfter(inAMinute)).isBetween(Duration.ofSeconds(50),
				Duration.ofSeconds(60));
		String aMinuteAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(60));
		assertThat(HttpReplicateClient.parseRetryAfter(aMinuteAgo)).isEqualTo(Duration.ZERO);
	}

	@Test
	void aPredictionIdThatIsAPathIsRefusedBeforeAnythingIsSent() {
		for (String id : new String[] { "../account", "abc/cancel", "", "a b", "abc?x=1" }) {
			assertThatIllegalArgumentException().as(id).isThrownBy(() -> client.getPrediction(id));
			assertThatIllegalArgumentException().as(id).isThrownBy(() -> client.cancelPrediction(id));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> client.getPrediction(null));
		assertThat(replicate.getCalls()).isZero();
		assertThat(replicate.cancelCalls()).isEmpty();
	}

	@Test
	void aFailedReadNamesThePredictionAndTheLogShowsEachRetry(CapturedOutput output) throws IOException {
		HttpReplicateClient unreachable = ReplicateClientTests.client("http://127.0.0.1:" + closedPort(),
				FakeReplicate.TOKEN);

		ReplicateException failure = catchThrowableOfType(ReplicateException.class,
				() -> unreachable.getPrediction("q1w2e3r4"));

		assertThat(failure.getMessage()).contains("get prediction q1w2e3r4");
		assertThat(output.getOut()).contains("get prediction q1w2e3r4: network failure (ConnectException), attempt 1 of 5")
			.contains("attempt 4 of 5; retrying in");
	}

	@Test
	void whenReplicateAsksForExactlyTheLongestWaitWeWaitInsteadOfGivingUp() {
		ReplicateProperties patient = new ReplicateProperties(replicate.baseUrl(), FakeReplicate.TOKEN, null,
				Duration.ofSeconds(2), Duration.ofSeconds(10),
				new ReplicateProperties.Retry(5, Duration.ofMillis(10), Duration.ofSeconds(1)), null);
		HttpReplicateClient client = new HttpReplicateClient(patient, ReplicateClientTests.FAKE_OUTPUTS);
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		replicate.failNextCreates(1, 429, 1);

		Prediction created = client.createPrediction(HAILUO, ReplicateClientTests.hailuoInput(), null, null);

		assertThat(created.id()).isNotBlank();
		assertThat(replicate.createAttempts()).isEqualTo(2);
		assertThat(replicate.createdPredictions()).hasSize(1);
	}

	@Test
	void anOutputOnAHostThatIsNotReplicatesIsNeverFetched() throws IOException {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4").withOutputOnHost("localhost"));
		Prediction done = finished();
		Path target = dir.resolve("out.mp4");

		catchThrowableOfType(ReplicateException.class, () -> client.download(done.outputs().get(0), target));

		assertThat(replicate.outputRequests()).as("the server never fetched it").isEmpty();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aRedirectToAHostThatIsNotReplicatesIsNotFollowed() throws IOException {
		replicate.onModel(HAILUO)
			.respondWith(Scenario.succeeds(MP4, "video/mp4").withOutputRedirectingToHost("localhost"));
		Prediction done = finished();
		Path target = dir.resolve("out.mp4");

		catchThrowableOfType(ReplicateException.class, () -> client.download(done.outputs().get(0), target));

		assertThat(replicate.outputRequests()).as("only the first, approved hop").hasSize(1);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aDownloadThatKeepsFailingGivesUpAfterItsAttempts() throws IOException {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		Prediction done = finished();
		replicate.failNextDownloads(5, 503);
		Path target = dir.resolve("out.mp4");

		ReplicateException failure = catchThrowableOfType(ReplicateException.class,
				() -> client.download(done.outputs().get(0), target));

		assertThat(failure.status()).isEqualTo(503);
		assertThat(failure.getMessage()).as("the operator reads what happened, not \"gone\"").contains("answered 503");
		assertThat(replicate.downloadAttempts()).as("five attempts, then the failure is reported").isEqualTo(5);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aServerErrorFromTheDeliveryHostIsRetried() throws IOException {
		replicate.onModel(HAILUO).respondWith(Scenario.succeeds(MP4, "video/mp4"));
		Prediction done = finished();
		replicate.failNextDownloads(1, 500);
		Path target = dir.resolve("out.mp4");

		client.download(done.outputs().get(0), target);

		assertThat(target).hasBinaryContent(MP4);
		assertThat(replicate.downloadAttempts()).isEqualTo(2);
	}

	@Test
	void aMissingOutputIsExplainedAsGone() {
		replicate.onModel(HAILUO).respondWith(Scenario.outputMissing());
		Prediction done = finished();

		ReplicateException gone = catchThrowableOfType(ReplicateException.class,
				() -> client.download(done.outputs().get(0), dir.resolve("out.mp4")));

		assertThat(gone.getMessage()).contains("output file is gone (404)").contains("deleted an hour after");
	}

	@Test
	void anUnreachableDeliveryHostIsRetriedThenReportedAndLeavesNothing(CapturedOutput output) throws IOException {
		URI unreachableOutput = URI.create("http://127.0.0.1:" + closedPort() + "/p1/out.mp4");
		Path target = dir.resolve("out.mp4");

		ReplicateException failure = catchThrowableOfType(ReplicateException.class,
				() -> client.download(unreachableOutput, target));

		assertThat(failure.status()).isZero();
		assertThat(failure.getMessage()).contains("could not reach 127.0.0.1");
		assertThat(output.getOut()).contains("download output: network failure").contains("attempt 4 of 5")
			.as("five attempts in all, the last one not retried").doesNotContain("attempt 5 of 5");
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void webhooksAreOnlyAcceptedWhenTheirSignatureCanBeChecked() {
		ReplicateProperties withSecret = ReplicateClientTests.properties(replicate.baseUrl(), " ", "whsec_abc");
		ReplicateProperties withToken = ReplicateClientTests.properties(replicate.baseUrl(), FakeReplicate.TOKEN, null);
		ReplicateProperties neither = ReplicateClientTests.properties(replicate.baseUrl(), " ", null);

		assertThat(new ReplicateWebhookSecret(withSecret, new HttpReplicateClient(withSecret)).isAvailable()).isTrue();
		assertThat(new ReplicateWebhookSecret(withToken, new HttpReplicateClient(withToken)).isAvailable()).isTrue();
		assertThat(new ReplicateWebhookSecret(neither, new HttpReplicateClient(neither)).isAvailable()).isFalse();
	}

	private Prediction finished() {
		return client.getPrediction(client.createPrediction(HAILUO, ReplicateClientTests.hailuoInput(), null, null).id());
	}

	private java.util.List<Path> leftovers() throws IOException {
		try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
