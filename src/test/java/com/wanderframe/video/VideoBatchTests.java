package com.wanderframe.video;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Ledger;
import com.wanderframe.Studio;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/video/batch} on the local renderer: several motions of one picture, checked
 * together and charged together (or not at all), each variant its own generation with its own
 * refund. The local generator fails a prompt carrying the tests' failure phrase.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VideoBatchTests {

	private static final String FAILURE_PHRASE = "[[fail]]";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient client;

	Studio studio;

	@BeforeEach
	void signUp() {
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
	}

	@Test
	void aBatchTheBalanceCoversOnlyInPartIsRefusedWholeAndNothingIsCharged() {
		String photoId = studio.uploadSelfie();
		assertThat(studio.credits()).isEqualTo(10);

		// three variants of 5 credits: the 10 credits would pay for two of them
		ApiClient.Response refused = client.post("/api/video/batch", """
				{"imageId":"%s","variants":[
				  {"template":"pan-left","resolution":"768p"},
				  {"template":"push-in","resolution":"768p"},
				  {"prompt":"slow orbit around me","resolution":"768p"}]}
				""".formatted(photoId));

		assertThat(refused.status()).isEqualTo(402);
		assertThat(refused.code()).isEqualTo("insufficient_credits");
		assertThat(refused.json().path("detail").asString()).contains("15 credits");
		assertThat(studio.credits()).isEqualTo(10);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
		assertThat(ledgerRowsOf(photoId)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM video_batches WHERE image_id = ?")
			.param(UUID.fromString(photoId))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void oneBadVariantIsRefusedByItsIndexAndNothingIsCharged() {
		String photoId = studio.uploadSelfie();

		ApiClient.Response refused = client.post("/api/video/batch", """
				{"imageId":"%s","variants":[
				  {"template":"pan-left","resolution":"512p"},
				  {"template":"push-in","resolution":"512p"},
				  {"prompt":"slow orbit","duration":7}]}
				""".formatted(photoId));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("invalid_duration");
		assertThat(refused.json().path("variant").asInt()).isEqualTo(2);
		assertThat(refused.json().path("detail").asString()).startsWith("Variant 3: ");

		ApiClient.Response unknownTemplate = client.post("/api/video/batch", """
				{"imageId":"%s","variants":[{"template":"moonwalk"},{"template":"push-in"}]}
				""".formatted(photoId));
		assertThat(unknownTemplate.status()).isEqualTo(400);
		assertThat(unknownTemplate.code()).isEqualTo("unknown_template");
		assertThat(unknownTemplate.json().path("variant").asInt()).isZero();

		ApiClient.Response badCamera = client.post("/api/video/batch", """
				{"imageId":"%s","variants":[{"template":"push-in"},
				  {"prompt":"my move","camera":{"from":{"x":0,"y":0,"w":400},"to":{"x":700,"y":0,"w":400},
				   "easing":"linear"}}]}
				""".formatted(photoId));
		assertThat(badCamera.status()).isEqualTo(400);
		assertThat(badCamera.code()).isEqualTo("invalid_camera");
		assertThat(badCamera.json().path("variant").asInt()).isEqualTo(1);

		assertRefused("{\"imageId\":\"%s\",\"variants\":[{\"template\":\"push-in\"}]}".formatted(photoId), 400,
				"invalid_variant_count");
		assertRefused("{\"imageId\":\"%s\",\"variants\":[%s]}".formatted(photoId,
				String.join(",", java.util.Collections.nCopies(7, "{\"template\":\"push-in\"}"))), 400,
				"invalid_variant_count");
		assertRefused("{\"imageId\":\"%s\"}".formatted(photoId), 400, "invalid_variant_count");
		assertRefused("{\"variants\":[{\"template\":\"push-in\"},{\"template\":\"pan-left\"}]}", 400,
				"image_required");
		assertRefused("{\"imageId\":\"%s\",\"variants\":[{\"template\":\"push-in\"},{\"template\":\"pan-left\"}]}"
			.formatted(UUID.randomUUID()), 404, "image_not_found");

		assertThat(studio.credits()).isEqualTo(10);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
		assertThat(ledgerRowsOf(photoId)).isZero();
	}

	@Test
	void eachVariantIsItsOwnGenerationAndTheOneThatFailsIsRefundedAlone() {
		String photoId = studio.uploadSelfie();

		ApiClient.Response accepted = client.post("/api/video/batch", """
				{"imageId":"%s","variants":[
				  {"template":"pan-left","resolution":"512p"},
				  {"prompt":"slow push in %s","resolution":"512p"}]}
				""".formatted(photoId, FAILURE_PHRASE));

		assertThat(accepted.status()).isEqualTo(202);
		JsonNode body = accepted.json();
		assertThat(body.path("cost").asInt()).isEqualTo(6);
		assertThat(body.path("credits").asInt()).isEqualTo(4);
		assertThat(body.path("items")).hasSize(2);
		String batchId = body.path("batchId").asString();
		String rendered = body.path("items").get(0).path("id").asString();
		String failing = body.path("items").get(1).path("id").asString();
		assertThat(body.path("items").get(0).path("status").asString()).isEqualTo("pending");
		assertThat(body.path("items").get(0).path("cost").asInt()).isEqualTo(3);
		// each charged on its own (the failing one may already have been refunded)
		assertThat(Ledger.entriesFor(jdbc, rendered)).startsWith("charge");
		assertThat(Ledger.entriesFor(jdbc, failing)).startsWith("charge");

		// the live stream follows the whole batch and ends once every variant has ended
		List<JsonNode> events = client.events("/api/video/batch/" + batchId + "/events", Duration.ofMinutes(2));
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.path("batchId").asString()).isEqualTo(batchId);
		assertThat(last.path("finished").asBoolean()).isTrue();
		assertThat(last.path("completed").asInt()).isEqualTo(1);
		assertThat(last.path("failed").asInt()).isEqualTo(1);

		JsonNode batch = client.get("/api/video/batch/" + batchId).json();
		assertThat(batch.path("imageId").asString()).isEqualTo(photoId);
		assertThat(batch.path("items").get(0).path("id").asString()).isEqualTo(rendered);
		assertThat(batch.path("items").get(0).path("status").asString()).isEqualTo("completed");
		assertThat(batch.path("items").get(0).path("batchId").asString()).isEqualTo(batchId);
		assertThat(client.get(batch.path("items").get(0).path("videoUrl").asString()).status()).isEqualTo(200);
		assertThat(batch.path("items").get(1).path("status").asString()).isEqualTo("failed");
		assertThat(batch.path("items").get(1).path("error").path("code").asString()).isEqualTo("generation_failed");

		assertThat(Ledger.entriesFor(jdbc, rendered)).containsExactly("charge");
		assertThat(Ledger.entriesFor(jdbc, failing)).containsExactly("charge", "refund");
		assertThat(studio.credits()).isEqualTo(10 - 3);
		assertThat(client.get("/api/video/" + failing).json().path("batchId").asString()).isEqualTo(batchId);
	}

	@Test
	void anotherPersonsBatchIsNotFound() {
		String photoId = studio.uploadSelfie();
		ApiClient.Response accepted = client.post("/api/video/batch", """
				{"imageId":"%s","variants":[{"template":"pan-left","resolution":"512p"},
				  {"prompt":"slow push in %s","resolution":"512p"}]}
				""".formatted(photoId, FAILURE_PHRASE));
		assertThat(accepted.status()).isEqualTo(202);
		String batchId = accepted.json().path("batchId").asString();

		ApiClient stranger = ApiClient.signedUp(port);
		ApiClient.Response seen = stranger.get("/api/video/batch/" + batchId);
		assertThat(seen.status()).isEqualTo(404);
		assertThat(seen.code()).isEqualTo("batch_not_found");
		assertThat(stranger.get("/api/video/batch/" + batchId + "/events").status()).isEqualTo(404);
		ApiClient.Response theirs = stranger.post("/api/video/batch", """
				{"imageId":"%s","variants":[{"template":"pan-left"},{"template":"push-in"}]}
				""".formatted(photoId));
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.code()).isEqualTo("image_not_found");
		assertThat(new Studio(stranger).credits()).isEqualTo(10);
		studio.awaitTerminal("/api/video/" + accepted.json().path("items").get(0).path("id").asString(),
				Duration.ofMinutes(2));
	}

	private void assertRefused(String body, int status, String code) {
		ApiClient.Response refused = client.post("/api/video/batch", body);
		assertThat(refused.status()).as(body).isEqualTo(status);
		assertThat(refused.code()).as(body).isEqualTo(code);
	}

	private long ledgerRowsOf(String photoId) {
		return jdbc.sql("""
				SELECT count(*) FROM credit_ledger l JOIN video_generations v ON v.id = l.reference
				WHERE v.image_id = ?
				""").param(UUID.fromString(photoId)).query(Long.class).single();
	}

}
