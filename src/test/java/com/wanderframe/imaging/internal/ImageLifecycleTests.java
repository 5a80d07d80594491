package com.wanderframe.imaging.internal;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import com.wanderframe.ApiClient;
import com.wanderframe.Concurrently;
import com.wanderframe.Studio;
import com.wanderframe.credits.Credits;
import com.wanderframe.generation.Failure;
import com.wanderframe.generation.GenerationId;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.generation.Generations;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.generation.internal.GenerationTasks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Terminal states stay terminal, and money moves once, however often the job runs. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImageLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	Generations generations;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	GeneratedImages images;

	@Autowired
	Credits credits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCompletedImageIsNeitherRedoneNorFailedNorRefunded() {
		ApiClient client = ApiClient.signedUp(port);
		UUID id = UUID.fromString(new Studio(client).imageAtLocation());
		GeneratedImages.Row before = images.row(id).orElseThrow();

		assertThat(generations.fail(ModelKind.IMAGE, new GenerationId(id), new Failure("late_failure",
				"A duplicate message arrived."))).isFalse();
		startAgainAndWait(id);

		GeneratedImages.Row after = images.row(id).orElseThrow();
		assertThat(after.status()).isEqualTo(GenerationStatus.COMPLETED);
		assertThat(after.mediaKey()).isEqualTo(before.mediaKey());
		assertThat(after.errorCode()).isNull();
		assertThat(ledgerRows(id, "refund")).isZero();
		assertThat(new Studio(client).credits()).isEqualTo(9);
	}

	@Test
	void failuresReportedManyTimesAtOnceRefundOnce() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		UUID photo = UUID.fromString(new Studio(client).uploadSelfie());
		UUID id = UUID.randomUUID();
		credits.charge(user, 1, id, "test image");
		images.insert(id, user, photo, "santorini", 1, "local/compositor");

		Concurrently.run(16, 8, i -> () -> generations.fail(ModelKind.IMAGE, new GenerationId(id),
				new Failure("generation_failed", "Failure number " + i)));

		assertThat(images.row(id).orElseThrow().status()).isEqualTo(GenerationStatus.FAILED);
		assertThat(ledgerRows(id, "refund")).isEqualTo(1);
		assertThat(credits.balanceOf(user)).isEqualTo(10);
		startAgainAndWait(id);
		assertThat(images.row(id).orElseThrow().status()).isEqualTo(GenerationStatus.FAILED);
	}

	/** Runs the start job once more, as a crash and restart would, and waits until it is done. */
	private void startAgainAndWait(UUID id) {
		scheduler.scheduleIfNotExists(GenerationTasks.start(ModelKind.IMAGE, new GenerationId(id)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?")
				.param("image:" + id)
				.query(Long.class)
				.single() == 0);
	}

	private long ledgerRows(UUID reference, String kind) {
		return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE reference = ? AND kind = ?")
			.params(reference, kind)
			.query(Long.class)
			.single();
	}

}
