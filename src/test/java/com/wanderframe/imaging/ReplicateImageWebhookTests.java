package com.wanderframe.imaging;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When Replicate can reach us, its signed webhook finishes the image at once; polling only
 * reconciles (every ten minutes here, so only the webhook can explain a quick finish). Also: a
 * job interrupted while it talks to Replicate (as at shutdown) is run again, not failed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplicateImageWebhookTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.replicate.public-url", () -> "https://wanderframe.example/");
		registry.add("wanderframe.imaging.reconciliation-poll", () -> "10m");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignedWebhookFinishesTheImageWithoutWaitingForThePoll() {
		replicate.reset();
		byte[] output = Studio.selfieJpeg(1392, 752);
		replicate.onModel(ReplicateImageTests.MODEL).respondWith(Scenario.succeedsAfterPolls(1000, output, "image/jpeg"));
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String photoId = studio.uploadSelfie();

		String id = client.post("/api/images", "{\"photoId\":\"" + photoId + "\",\"location\":\"cappadocia\"}")
			.json()
			.path("id")
			.asString();
		// The job has created the prediction and parked until its reconciliation poll.
		await().atMost(Duration.ofSeconds(30)).until(() -> parkedForAWhile(id));
		String prediction = replicate.createdPredictions().get(0).id();
		assertThat(replicate.createdPredictions().get(0).webhook())
			.isEqualTo("https://wanderframe.example/api/webhooks/replicate");

		replicate.finish(prediction);
		FakeReplicate.Delivery delivery = replicate.sendWebhook(
				URI.create("http://localhost:" + port + "/api/webhooks/replicate"), prediction);

		assertThat(delivery.status()).isBetween(200, 299);
		JsonNode image = studio.awaitTerminal("/api/images/" + id, Duration.ofSeconds(30));
		assertThat(image.path("status").asString()).isEqualTo("completed");
		assertThat(client.get(image.path("url").asString()).bytes()).isEqualTo(output);
		assertThat(replicate.redeliver(delivery).status()).isBetween(200, 299);
		assertThat(client.get("/api/images/" + id).json().path("status").asString()).isEqualTo("completed");
		assertThat(studio.credits()).isEqualTo(9);
	}

	@Test
	void anImageWhoseJobIsInterruptedMidCallIsMadeLaterNotFailedOrRefunded() {
		replicate.reset();
		byte[] output = Studio.selfieJpeg(1392, 752);
		replicate.onModel(ReplicateImageTests.MODEL).respondWith(Scenario.succeeds(output, "image/jpeg"));
		replicate.holdNextCreates(1);
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String photoId = studio.uploadSelfie();

		String id = client.post("/api/images", "{\"photoId\":\"" + photoId + "\",\"location\":\"santorini\"}")
			.json()
			.path("id")
			.asString();
		await().atMost(Duration.ofSeconds(30)).until(() -> replicate.heldCreates() == 1);
		// What db-scheduler does to running jobs when shutdown outlasts its wait.
		await().atMost(Duration.ofSeconds(10)).until(() -> interruptThreadsIn("createPrediction") > 0);
		replicate.releaseHeldCreates();

		JsonNode image = studio.awaitTerminal("/api/images/" + id, Duration.ofSeconds(60));
		assertThat(image.path("status").asString()).isEqualTo("completed");
		assertThat(client.get(image.path("url").asString()).bytes()).isEqualTo(output);
		assertThat(studio.credits()).isEqualTo(9);
		assertThat(jdbc.sql("SELECT count(*) FROM credit_ledger WHERE reference = ? AND kind = 'refund'")
			.param(java.util.UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
	}

	/** Interrupts every thread that is inside the Replicate client's {@code method} right now. */
	private static int interruptThreadsIn(String method) {
		int interrupted = 0;
		for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
			for (StackTraceElement frame : thread.getValue()) {
				if (frame.getClassName().endsWith(".HttpReplicateClient") && frame.getMethodName().equals(method)) {
					thread.getKey().interrupt();
					interrupted++;
					break;
				}
			}
		}
		return interrupted;
	}

	private boolean parkedForAWhile(String id) {
		return jdbc.sql("""
				SELECT count(*) FROM scheduled_tasks
				WHERE task_name = 'generation-poll' AND task_instance = ? AND NOT picked
				  AND execution_time > now() + interval '1 minute'
				""").param("image:" + id).query(Long.class).single() == 1;
	}

}
