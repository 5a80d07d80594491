package com.wanderframe.replicate.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;

import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.ReplicateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client's rules as computed values, without a server in between: who may receive the token,
 * how long a retry waits, how Replicate's {@code Retry-After} is read, which prediction ids are
 * accepted.
 */
class ReplicateRetryRulesTests {

	private static final URI API = URI.create("https://api.replicate.com/v1");

	private final FakeReplicate replicate = new FakeReplicate();

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
		HttpReplicateClient client = ReplicateClientTests.client(replicate.baseUrl(), FakeReplicate.TOKEN);

		for (String id : new String[] { "../account", "abc/cancel", "", "a b", "abc?x=1" }) {
			assertThatIllegalArgumentException().as(id).isThrownBy(() -> client.getPrediction(id));
			assertThatIllegalArgumentException().as(id).isThrownBy(() -> client.cancelPrediction(id));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> client.getPrediction(null));
		assertThat(replicate.getCalls()).isZero();
		assertThat(replicate.cancelCalls()).isEmpty();
	}

	@Test
	void aFailedReadNamesThePredictionForTheOperator() throws IOException {
		HttpReplicateClient unreachable = ReplicateClientTests.client("http://127.0.0.1:" + closedPort(),
				FakeReplicate.TOKEN);

		ReplicateException failure = catchThrowableOfType(ReplicateException.class,
				() -> unreachable.getPrediction("q1w2e3r4"));

		assertThat(failure.getMessage()).contains("get prediction q1w2e3r4");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
