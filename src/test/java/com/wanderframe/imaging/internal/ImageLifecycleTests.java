package com.wanderframe.imaging.internal;

import java.util.UUID;

import com.wanderframe.ApiClient;
import com.wanderframe.Concurrently;
import com.wanderframe.Studio;
import com.wanderframe.credits.Credits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Terminal states stay terminal, and money moves once, however often the job runs. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImageLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	ImageJob job;

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

		assertThat(job.run(id)).isEmpty();
		job.fail(id, "late_failure", "A duplicate message arrived.");

		GeneratedImages.Row after = images.row(id).orElseThrow();
		assertThat(after.status()).isEqualTo("completed");
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
		images.insert(id, user, photo, "santorini", 1, "test");

		Concurrently.run(16, 8, i -> () -> {
			job.fail(id, "generation_failed", "Failure number " + i);
			return true;
		});

		assertThat(images.row(id).orElseThrow().status()).isEqualTo("failed");
		assertThat(ledgerRows(id, "refund")).isEqualTo(1);
		assertThat(credits.balanceOf(user)).isEqualTo(10);
		assertThat(job.run(id)).isEmpty();
		assertThat(images.row(id).orElseThrow().status()).isEqualTo("failed");
	}

	private long ledgerRows(UUID reference, String kind) {
		return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE reference = ? AND kind = ?")
			.params(reference, kind)
			.query(Long.class)
			.single();
	}

}
