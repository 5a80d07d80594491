package com.wanderframe.replicate.internal;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.wanderframe.replicate.ReplicateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every exchange with Replicate is timed by operation and outcome, retries included. */
class ReplicateCallMetricsTests {

	private static final String HAILUO = "minimax/hailuo-02";

	private final FakeReplicate replicate = new FakeReplicate();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final HttpReplicateClient client;

	ReplicateCallMetricsTests() {
		client = new HttpReplicateClient(ReplicateClientTests.properties(replicate.baseUrl(), FakeReplicate.TOKEN, null),
				ReplicateOutputProperties.defaults(), registryFor(meters));
	}

	@AfterEach
	void stopFake() {
		replicate.close();
	}

	@Test
	void timesEachCallByOperationAndOutcome() {
		replicate.onModel(HAILUO).respondWith(Scenario.succeedsAfterPolls(1, new byte[] { 1 }, "video/mp4"));
		replicate.failNextCreates(1, 429, 0);

		String id = client.createPrediction(HAILUO, Map.of("prompt", "pan"), null, Duration.ofMinutes(5)).id();
		client.getPrediction(id);
		replicate.failNextGets(5, 500);
		assertThatThrownBy(() -> client.getPrediction(id)).isInstanceOf(ReplicateException.class);

		assertThat(calls("create_prediction", "throttled")).isEqualTo(1);
		assertThat(calls("create_prediction", "success")).isEqualTo(1);
		assertThat(calls("get_prediction", "success")).isEqualTo(1);
		assertThat(calls("get_prediction", "server_error")).isEqualTo(5);
		assertThat(meters.get("wanderframe.replicate.calls").tags("operation", "create_prediction", "outcome", "success")
			.timer()
			.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void anUnreachableReplicateIsANetworkError() throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		HttpReplicateClient unreachable = new HttpReplicateClient(
				ReplicateClientTests.properties("http://127.0.0.1:" + closed + "/v1", FakeReplicate.TOKEN, null),
				ReplicateOutputProperties.defaults(), registryFor(meters));

		assertThatThrownBy(() -> unreachable.getPrediction("abc")).isInstanceOf(ReplicateException.class);

		assertThat(calls("get_prediction", "network_error")).isEqualTo(5);
	}

	private long calls(String operation, String outcome) {
		var timer = meters.find("wanderframe.replicate.calls").tags("operation", operation, "outcome", outcome).timer();
		return timer == null ? 0 : timer.count();
	}

	private static ObservationRegistry registryFor(MeterRegistry meters) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return observations;
	}

}
