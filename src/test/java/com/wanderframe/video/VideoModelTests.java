package com.wanderframe.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Ledger;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every video model in the catalogue, against a fake Replicate that enforces each model's
 * documented input schema: a generation completes, its request carries exactly that model's
 * inputs, the price charged is the price offered, and what a model cannot do is refused before
 * any charge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VideoModelTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		ReplicateVideoProperties.register(registry, "local");
		registry.add("wanderframe.video.first-poll", () -> "100ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "400ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.wanderframe.credits.Credits credits;

	ApiClient client;

	Studio studio;

	String imageId;

	@BeforeEach
	void setUp() {
		replicate.reset();
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
		imageId = studio.imageAtLocation();
		// Enough for the dearest model; the sign-up grant is not.
		credits.grant(java.util.UUID.fromString(client.get("/api/me").json().path("id").asString()), 40, "Test credits");
	}

	/** Model, what the person asks beyond image and prompt, the inputs the model must receive (images aside). */
	static Stream<Arguments> models() {
		return Stream.of(
				Arguments.of("minimax/hailuo-02", "\"duration\":6,\"resolution\":\"768p\",\"promptOptimizer\":false,\"endFrame\":true",
						List.of("prompt", "first_frame_image", "last_frame_image", "duration", "resolution", "prompt_optimizer"),
						"{\"duration\":6,\"resolution\":\"768p\",\"prompt_optimizer\":false}", "6s-768p"),
				Arguments.of("minimax/hailuo-2.3", "\"duration\":10,\"resolution\":\"768p\"",
						List.of("prompt", "first_frame_image", "duration", "resolution", "prompt_optimizer"),
						"{\"duration\":10,\"resolution\":\"768p\",\"prompt_optimizer\":true}", "10s-768p"),
				Arguments.of("kwaivgi/kling-v2.1", "\"duration\":5,\"resolution\":\"1080p\",\"negativePrompt\":\"blur\",\"endFrame\":true",
						List.of("prompt", "start_image", "end_image", "duration", "mode", "negative_prompt"),
						"{\"duration\":5,\"mode\":\"pro\",\"negative_prompt\":\"blur\"}", "5s-1080p"),
				Arguments.of("bytedance/seedance-1-pro", "\"duration\":5,\"resolution\":\"720p\",\"endFrame\":true",
						List.of("prompt", "image", "last_frame_image", "duration", "resolution", "camera_fixed", "seed"),
						"{\"duration\":5,\"resolution\":\"720p\",\"camera_fixed\":false}", "5s-720p"),
				Arguments.of("google/veo-3-fast", "\"duration\":8,\"resolution\":\"720p\",\"aspectRatio\":\"16:9\",\"negativePrompt\":\"rain\"",
						List.of("prompt", "image", "duration", "resolution", "negative_prompt", "aspect_ratio", "generate_audio", "seed"),
						"{\"duration\":8,\"resolution\":\"720p\",\"negative_prompt\":\"rain\",\"aspect_ratio\":\"16:9\",\"generate_audio\":false}",
						"8s-720p"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("models")
	void eachModelGetsExactlyItsOwnInputsAndChargesWhatItOffers(String model, String options, List<String> inputs,
			String values, String priceKey) {
		replicate.onModel(model).respondWith(Scenario.succeedsAfterPolls(2, TestVideos.mp4(), "video/mp4"));
		int offered = price(model, priceKey);
		// An uploaded photo may be a frame too; it is a different picture from the image.
		String endImage = options.contains("\"endFrame\":true") ? studio.uploadSelfie() : null;
		String body = options.replace(",\"endFrame\":true", "");
		int before = studio.credits();

		ApiClient.Response accepted = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"model\":\"%s\",%s%s}".formatted(imageId, model, body,
						endImage == null ? "" : ",\"endImageId\":\"" + endImage + "\""));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.json().path("cost").asInt()).isEqualTo(offered);
		String id = accepted.json().path("id").asString();
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

		assertThat(done.path("status").asString()).as(done.toString() + replicate.rejectedInputs()).isEqualTo("completed");
		assertThat(done.path("model").asString()).isEqualTo(model);
		assertThat(studio.credits()).isEqualTo(before - offered);
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
		FakeReplicate.CreateRequest create = replicate.createdPredictions().get(0);
		assertThat(create.model()).isEqualTo(model);
		JsonNode input = create.input();
		List<String> names = new ArrayList<>();
		input.propertyNames().forEach(names::add);
		assertThat(names).containsExactlyInAnyOrderElementsOf(inputs);
		assertThat(input.path("prompt").asString()).isEqualTo("slow push in");
		JsonNode expected = tools.jackson.databind.json.JsonMapper.builder().build().readTree(values);
		expected.propertyNames().forEach(name -> assertThat(input.get(name)).as(name).isEqualTo(expected.get(name)));
		if (endImage != null) {
			String first = input.path(inputs.get(1)).asString();
			String last = input.path(inputs.get(2)).asString();
			assertThat(first).isNotBlank();
			assertThat(last).isNotBlank().isNotEqualTo(first);
		}
	}

	@Test
	void veoWithSoundChargesForSoundAndKeepsTheSoundTrack() throws Exception {
		byte[] withSound = TestVideos.mp4WithSound();
		replicate.onModel("google/veo-3-fast").respondWith(Scenario.succeeds(withSound, "video/mp4"));
		int offered = price("google/veo-3-fast", "8s-720p-audio");
		int before = studio.credits();

		String id = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"waves and gulls\",\"model\":\"google/veo-3-fast\",\"audio\":true}"
					.formatted(imageId))
			.json()
			.path("id")
			.asString();
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("audio").asBoolean()).isTrue();
		assertThat(offered).isGreaterThan(price("google/veo-3-fast", "8s-720p"));
		assertThat(studio.credits()).isEqualTo(before - offered);
		assertThat(replicate.createdPredictions().get(0).input().path("generate_audio").asBoolean()).isTrue();
		Path stored = Files.createTempFile("wanderframe-sound-", ".mp4");
		try {
			Files.write(stored, client.get(done.path("videoUrl").asString()).bytes());
			assertThat(TestVideos.audioCodec(stored)).isEqualTo("aac");
		}
		finally {
			Files.delete(stored);
		}
		assertThat(client.get(done.path("posterUrl").asString()).status()).isEqualTo(200);
	}

	@Test
	void whatAModelCannotDoIsRefusedBeforeAnyCharge() {
		String otherImage = studio.imageAtLocation();
		ApiClient stranger = ApiClient.signedUp(port);
		String strangersImage = new Studio(stranger).imageAtLocation();
		int before = studio.credits();

		assertRefused("\"model\":\"acme/unknown\"", 400, "unknown_model");
		assertRefused("\"model\":\"minimax/hailuo-2.3\",\"endImageId\":\"" + otherImage + "\"", 400,
				"end_frame_not_supported");
		assertRefused("\"model\":\"minimax/hailuo-02\",\"audio\":true", 400, "audio_not_supported");
		assertRefused("\"model\":\"minimax/hailuo-02\",\"duration\":10,\"resolution\":\"1080p\"", 400,
				"unsupported_combination");
		assertRefused("\"model\":\"kwaivgi/kling-v2.1\",\"resolution\":\"720p\",\"endImageId\":\"" + otherImage + "\"",
				400, "unsupported_combination");
		assertRefused("\"model\":\"google/veo-3-fast\",\"duration\":6", 400, "invalid_duration");
		assertRefused("\"model\":\"kwaivgi/kling-v2.1\",\"resolution\":\"768p\"", 400, "invalid_resolution");
		assertRefused("\"model\":\"kwaivgi/kling-v2.1\",\"promptOptimizer\":false", 400,
				"prompt_optimizer_not_supported");
		assertRefused("\"model\":\"minimax/hailuo-02\",\"negativePrompt\":\"blur\"", 400,
				"negative_prompt_not_supported");
		assertRefused("\"model\":\"google/veo-3-fast\",\"negativePrompt\":\"%s\"".formatted("b".repeat(2001)), 400,
				"prompt_too_long");
		assertRefused("\"model\":\"kwaivgi/kling-v2.1\",\"aspectRatio\":\"9:16\"", 400,
				"aspect_ratio_not_supported");
		assertRefused("\"model\":\"google/veo-3-fast\",\"aspectRatio\":\"4:3\"", 400, "invalid_aspect_ratio");
		assertRefused("\"model\":\"minimax/hailuo-02\",\"endImageId\":\"" + strangersImage + "\"", 404,
				"image_not_found");

		assertThat(studio.credits()).isEqualTo(before);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
		assertThat(replicate.createdPredictions()).isEmpty();
	}

	/**
	 * "Regenerate" in the studio and the history posts the video's own settings again (as
	 * video-settings.js builds them from GET /api/video/{id}); the model gets exactly the same
	 * inputs but a new seed, so the person gets a new take, not the same video again.
	 */
	@Test
	void regeneratingSendsTheSameInputsWithANewSeed() throws Exception {
		replicate.onModel("google/veo-3-fast").respondWith(Scenario.succeeds(TestVideos.mp4(), "video/mp4"));
		String first = client.post("/api/video/generate", ("{\"imageId\":\"%s\",\"prompt\":\"waves at dusk\","
				+ "\"model\":\"google/veo-3-fast\",\"duration\":8,\"resolution\":\"720p\",\"aspectRatio\":\"16:9\","
				+ "\"negativePrompt\":\"rain\",\"audio\":false}").formatted(imageId)).json().path("id").asString();
		JsonNode original = studio.awaitTerminal("/api/video/" + first, Duration.ofMinutes(1));
		assertThat(original.path("status").asString()).isEqualTo("completed");

		ApiClient.Response again = client.post("/api/video/generate", regenerateBody(original));
		assertThat(again.status()).as(again.toString()).isEqualTo(202);
		JsonNode regenerated = studio.awaitTerminal("/api/video/" + again.json().path("id").asString(),
				Duration.ofMinutes(1));
		assertThat(regenerated.path("status").asString()).isEqualTo("completed");

		List<FakeReplicate.CreateRequest> creates = replicate.createdPredictions();
		assertThat(creates).hasSize(2);
		JsonNode sent = creates.get(0).input();
		JsonNode resent = creates.get(1).input();
		long seed = sent.path("seed").asLong();
		long newSeed = resent.path("seed").asLong();
		assertThat(seed).isPositive();
		assertThat(newSeed).isPositive().isNotEqualTo(seed);
		String picture = picture(sent.path("image").asString());
		assertThat(picture(resent.path("image").asString())).isEqualTo(picture);
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		for (long[] pair : new long[][] { { 0, seed }, { 1, newSeed } }) {
			tools.jackson.databind.node.ObjectNode input = (tools.jackson.databind.node.ObjectNode) creates
				.get((int) pair[0])
				.input()
				.deepCopy();
			input.put("image", picture(input.path("image").asString()));
			assertThat(input).isEqualTo(json.readTree(("{\"prompt\":\"waves at dusk\",\"image\":\"%s\",\"duration\":8,"
					+ "\"resolution\":\"720p\",\"negative_prompt\":\"rain\",\"aspect_ratio\":\"16:9\","
					+ "\"generate_audio\":false,\"seed\":%d}").formatted(picture, pair[1])));
		}
		// What the person sees: the same settings, another seed.
		for (String field : List.of("imageId", "prompt", "model", "duration", "resolution", "aspectRatio",
				"negativePrompt", "audio", "cost")) {
			assertThat(regenerated.path(field)).as(field).isEqualTo(original.path(field));
		}
		assertThat(original.path("seed").asLong()).isEqualTo(seed);
		assertThat(regenerated.path("seed").asLong()).isEqualTo(newSeed);
	}

	/** The body the studio's "Regenerate" posts: the video's own settings (see video-settings.js). */
	private static String regenerateBody(JsonNode video) {
		var body = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
		body.put("imageId", video.path("imageId").asString());
		body.put("prompt", video.path("prompt").asString());
		body.put("model", video.path("model").asString());
		body.put("duration", video.path("duration").asInt());
		body.put("resolution", video.path("resolution").asString());
		for (String optional : List.of("template", "endImageId", "negativePrompt", "aspectRatio")) {
			if (video.hasNonNull(optional)) {
				body.put(optional, video.path(optional).asString());
			}
		}
		for (String toggle : List.of("audio", "promptOptimizer")) {
			if (video.hasNonNull(toggle)) {
				body.put(toggle, video.path(toggle).asBoolean());
			}
		}
		return body.toString();
	}

	/** A picture input as what it shows: an uploaded file's bytes (its URL differs per upload) or the data URL. */
	private static String picture(String uri) {
		for (FakeReplicate.UploadedFile file : replicate.uploadedFiles()) {
			if (uri.endsWith("/files/" + file.id())) {
				return "sha256:" + java.util.HexFormat.of().formatHex(sha256(file.bytes()));
			}
		}
		assertThat(uri).startsWith("data:");
		return uri;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aCameraPathForAModelThatMovesItsOwnCameraIsRefusedAndNothingIsTakenOrWritten() {
		int before = studio.credits();
		long rows = jdbc.sql("SELECT count(*) FROM video_generations").query(Long.class).single();
		String camera = "\"camera\":{\"from\":{\"x\":0,\"y\":0,\"w\":960},\"to\":{\"x\":480,\"y\":270,\"w\":960},"
				+ "\"easing\":\"linear\"}";

		assertRefused("\"model\":\"minimax/hailuo-02\"," + camera, 400, "camera_not_supported");
		assertRefused("\"model\":\"google/veo-3-fast\"," + camera, 400, "camera_not_supported");
		// In a batch too: the variant is named, and no variant is charged.
		ApiClient.Response batch = client.post("/api/video/batch", ("{\"imageId\":\"%s\",\"variants\":["
				+ "{\"prompt\":\"orbit\",\"model\":\"local/motion\"},{\"prompt\":\"orbit\",\"model\":\"minimax/hailuo-02\",%s}]}")
			.formatted(imageId, camera));
		assertThat(batch.status()).as(batch.toString()).isEqualTo(400);
		assertThat(batch.code()).isEqualTo("camera_not_supported");
		assertThat(batch.json().path("variant").asInt()).isEqualTo(1);

		assertThat(studio.credits()).isEqualTo(before);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM video_generations").query(Long.class).single()).isEqualTo(rows);
		assertThat(replicate.createdPredictions()).isEmpty();
		// The same path on the Wanderframe camera motion is taken: the refusal was about the model.
		ApiClient.Response taken = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"orbit\",\"model\":\"local/motion\",%s}".formatted(imageId, camera));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(202);
	}

	@Test
	void theCatalogueOffersEveryModelWithItsOptionsAndPrices() {
		JsonNode videos = client.get("/api/models?kind=video").json();
		List<String> ids = new ArrayList<>();
		videos.forEach(model -> ids.add(model.path("id").asString()));
		assertThat(ids).containsExactly("local/motion", "minimax/hailuo-02", "minimax/hailuo-2.3", "kwaivgi/kling-v2.1",
				"bytedance/seedance-1-pro", "google/veo-3-fast");
		JsonNode hailuo = videos.get(1);
		assertThat(hailuo.path("default").asBoolean()).isTrue();
		assertThat(hailuo.path("provider").asString()).isEqualTo("replicate");
		assertThat(hailuo.path("endFrame").asBoolean()).isTrue();
		assertThat(hailuo.path("promptOptimizer").asBoolean()).isTrue();
		assertThat(hailuo.path("audio").asBoolean()).isFalse();
		assertThat(hailuo.path("costs").path("6s-768p").asInt()).isEqualTo(5);
		assertThat(hailuo.path("costs").has("10s-1080p")).isFalse();
		JsonNode kling = videos.get(3);
		assertThat(kling.path("endFrameResolutions").toString()).isEqualTo("[\"1080p\"]");
		assertThat(kling.path("negativePrompt").asBoolean()).isTrue();
		JsonNode veo = videos.get(5);
		assertThat(veo.path("audio").asBoolean()).isTrue();
		assertThat(veo.path("aspectRatios").toString()).isEqualTo("[\"16:9\",\"9:16\"]");
		assertThat(veo.path("typicalSeconds").asLong()).isPositive();

		JsonNode images = client.get("/api/models?kind=image").json();
		List<String> imageIds = new ArrayList<>();
		images.forEach(model -> imageIds.add(model.path("id").asString()));
		assertThat(imageIds).containsExactly("local/compositor", "black-forest-labs/flux-kontext-pro",
				"google/nano-banana", "bytedance/seedream-4");
	}

	/**
	 * The typical time beside the progress bar is the deployment's: someone who has never used a
	 * model sees how long it took everyone else, not the catalogue's guess (the request only sees
	 * its own rows, so this fails if the median is taken under row-level security).
	 */
	@Test
	void aNewcomerSeesHowLongAModelTookForEveryoneElse() {
		String model = "bytedance/seedance-1-pro";
		replicate.onModel(model).respondWith(Scenario.succeeds(TestVideos.mp4(), "video/mp4"));
		String id = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"model\":\"%s\"}".formatted(imageId, model))
			.json()
			.path("id")
			.asString();
		assertThat(studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1)).path("status").asString())
			.isEqualTo("completed");
		// The fake answers in moments; give this deployment's finished runs a known duration.
		jdbc.sql("UPDATE video_generations SET created_at = completed_at - interval '42 seconds' "
				+ "WHERE model = ? AND status = 'completed'").param(model).update();

		ApiClient newcomer = ApiClient.signedUp(port);

		assertThat(offered(newcomer, model).path("typicalSeconds").asLong()).isEqualTo(42);
		assertThat(newcomer.get("/api/video").json().path("total").asInt()).as("sees no one's videos").isZero();
	}

	private void assertRefused(String options, int status, String code) {
		ApiClient.Response refused = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"orbit\",%s}".formatted(imageId, options));
		assertThat(refused.status()).as(options + " " + refused).isEqualTo(status);
		assertThat(refused.code()).as(options).isEqualTo(code);
	}

	private int price(String model, String key) {
		return offered(client, model).path("costs").path(key).asInt();
	}

	/** The video model as {@code GET /api/models} offers it to this person. */
	private static JsonNode offered(ApiClient person, String model) {
		for (JsonNode entry : person.get("/api/models?kind=video").json()) {
			if (entry.path("id").asString().equals(model)) {
				return entry;
			}
		}
		throw new AssertionError("not offered: " + model);
	}

}
