package com.wanderframe.video;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Ledger;
import com.wanderframe.Studio;
import com.wanderframe.credits.Credits;
import com.wanderframe.media.MediaStore;
import com.wanderframe.segmentation.TestPortraits;
import com.wanderframe.video.internal.render.Mp4Files;
import com.wanderframe.video.internal.render.VideoInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 4 through the HTTP API on the embedded default: the local motion renderer makes a real
 * MP4 that the person can play, seek and download, and every refusal leaves their credits alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalVideoGenerationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Credits credits;

	@Autowired
	MediaStore media;

	ApiClient client;

	Studio studio;

	@BeforeEach
	void signUp() {
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
	}

	@Test
	void turnsTheImageIntoAVideoThePersonCanPlaySeekAndDownload(@TempDir Path tmp) throws Exception {
		String imageId = studio.imageAtLocation();
		int before = studio.credits();

		ApiClient.Response accepted = generate("""
				{"imageId":"%s","prompt":"gentle camera pan to the right, subtle wind","duration":6,"resolution":"512p"}
				""".formatted(imageId));

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json().path("status").asString()).isEqualTo("pending");
		assertThat(accepted.json().path("cost").asInt()).isEqualTo(3);
		assertThat(accepted.json().path("credits").asInt()).isEqualTo(before - 3);
		String id = accepted.json().path("id").asString();

		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("progress").asInt()).isEqualTo(100);
		assertThat(done.path("imageId").asString()).isEqualTo(imageId);
		assertThat(done.path("prompt").asString()).isEqualTo("gentle camera pan to the right, subtle wind");
		assertThat(done.path("duration").asInt()).isEqualTo(6);
		assertThat(done.path("resolution").asString()).isEqualTo("512p");
		assertThat(done.has("error")).isFalse();
		assertThat(done.path("completedAt").isMissingNode()).isFalse();
		assertThat(studio.credits()).isEqualTo(before - 3);

		ApiClient.Response video = client.get(done.path("videoUrl").asString());
		assertThat(video.status()).isEqualTo(200);
		assertThat(video.header("Content-Type")).isEqualTo("video/mp4");
		assertThat(video.header("Accept-Ranges")).isEqualTo("bytes");
		Path mp4 = Files.write(tmp.resolve("video.mp4"), video.bytes());
		VideoInfo info = Mp4Files.probe(mp4);
		assertThat(info.codec()).isEqualTo("h264");
		assertThat(info.frameCount()).isEqualTo(150);
		assertThat(info.height()).isEqualTo(512);
		assertThat(info.width()).isEqualTo(910); // the 16:9 image's aspect ratio, even width

		ApiClient.Response seek = client.send(client.request(done.path("videoUrl").asString())
			.header("Range", "bytes=1000-1999")
			.GET());
		assertThat(seek.status()).isEqualTo(206);
		assertThat(seek.bytes()).hasSize(1000);
		assertThat(seek.header("Content-Range")).isEqualTo("bytes 1000-1999/" + video.bytes().length);

		ApiClient.Response download = client.get(done.path("downloadUrl").asString());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Disposition")).startsWith("attachment");
		assertThat(download.bytes()).isEqualTo(video.bytes());

		ApiClient.Response poster = client.get(done.path("posterUrl").asString());
		assertThat(poster.status()).isEqualTo(200);
		assertThat(poster.header("Content-Type")).isEqualTo("image/jpeg");

		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
	}

	@Test
	void aFramedPrintsVideoHoldsThePlacesNameStillInFrontWhileThePictureMovesBehindIt(@TempDir Path tmp)
			throws Exception {
		// Nobody is in the coffee photo: step 3 frames it as a print, the place's name beside it.
		ApiClient.Response photo = studio.uploadPhoto(Files.readAllBytes(TestPortraits.coffeeFile()), "coffee.png",
				"image/png");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		ApiClient.Response started = client.post("/api/images",
				"{\"photoId\":\"%s\",\"location\":\"venice-canals\"}".formatted(photo.json().path("id").asString()));
		JsonNode image = studio.awaitTerminal("/api/images/" + started.json().path("id").asString(),
				Duration.ofMinutes(1));
		assertThat(image.path("subject").isNull()).as(image.toString()).isTrue();
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(client.get(image.path("url").asString()).bytes()));

		String id = started("{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"duration\":6,\"resolution\":\"512p\"}"
			.formatted(image.path("id").asString()));
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));
		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
		Path mp4 = Files.write(tmp.resolve("print.mp4"), client.get(done.path("videoUrl").asString()).bytes());
		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, 0, 149);
		BufferedImage first = frames.get(0), last = frames.get(1);

		// The name's letters: the bright pixels low in the picture (over its dark fade), at the video's size.
		BufferedImage shown = scaled(picture, first.getWidth(), first.getHeight());
		List<Point> name = new ArrayList<>();
		for (int y = shown.getHeight() * 87 / 100; y < shown.getHeight() * 97 / 100; y++) {
			for (int x = 0; x < shown.getWidth(); x++) {
				if (luma(shown, x, y) > 200) {
					name.add(new Point(x, y));
				}
			}
		}
		assertThat(name).as("the picture shows the place's name").hasSizeGreaterThan(150);
		int w = first.getWidth(), h = first.getHeight();
		double moved = meanLumaChange(first, last, pixels(new Rectangle(w / 4, h / 4, w / 2, h / 2)));
		assertThat(moved).as("the camera pushes in on the print").isGreaterThan(6);
		// a few levels of the encoder's noise at the letters' edges; sliding or growing, they change by about 120
		assertThat(meanLumaChange(first, last, name)).as("the name stays whole and still (the picture moved %.1f)", moved)
			.isLessThan(8);
		assertThat(meanLumaChange(shown, first, name)).as("the name shows where the picture has it").isLessThan(12);
	}

	@Test
	void aTemplateAloneIsEnoughAndHistoryListsNewestFirst() {
		String imageId = studio.imageAtLocation();
		String first = started("{\"imageId\":\"%s\",\"template\":\"pan-left\",\"resolution\":\"512p\"}".formatted(imageId));
		String second = started("{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"resolution\":\"512p\"}".formatted(imageId));

		JsonNode templated = studio.awaitTerminal("/api/video/" + first, Duration.ofMinutes(2));
		assertThat(templated.path("status").asString()).isEqualTo("completed");
		assertThat(templated.path("template").asString()).isEqualTo("pan-left");

		JsonNode page = client.get("/api/video?page=0&size=1").json();
		assertThat(page.path("total").asInt()).isEqualTo(2);
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(second);
		JsonNode next = client.get("/api/video?page=1&size=1").json();
		assertThat(next.path("items").get(0).path("id").asString()).isEqualTo(first);
	}

	@Test
	void everyBadFieldIsRefusedBeforeAnyCharge() {
		String imageId = studio.imageAtLocation();
		int before = studio.credits();
		String longPrompt = "a".repeat(2001);

		assertRefused("{\"prompt\":\"pan right\"}", 400, "image_required");
		assertRefused("{\"imageId\":\"%s\"}".formatted(imageId), 400, "prompt_required");
		assertRefused("{\"imageId\":\"%s\",\"prompt\":\"   \"}".formatted(imageId), 400, "prompt_required");
		assertRefused("{\"imageId\":\"%s\",\"prompt\":\"%s\"}".formatted(imageId, longPrompt), 400, "prompt_too_long");
		assertRefused("{\"imageId\":\"%s\",\"template\":\"pan-left\",\"prompt\":\"%s\"}".formatted(imageId,
				"a".repeat(2000)), 400, "prompt_too_long"); // the template's wording counts too
		assertRefused("{\"imageId\":\"%s\",\"prompt\":\"pan\",\"duration\":7}".formatted(imageId), 400,
				"invalid_duration");
		assertRefused("{\"imageId\":\"%s\",\"prompt\":\"pan\",\"resolution\":\"4k\"}".formatted(imageId), 400,
				"invalid_resolution");
		assertRefused("{\"imageId\":\"%s\",\"prompt\":\"pan\",\"duration\":10,\"resolution\":\"1080p\"}".formatted(imageId),
				400, "unsupported_combination");
		assertRefused("{\"imageId\":\"%s\",\"template\":\"moonwalk\"}".formatted(imageId), 400, "unknown_template");
		assertRefused("{\"imageId\":\"%s\",\"prompt\":\"pan\"}".formatted(UUID.randomUUID()), 404, "image_not_found");
		assertRefused("{\"imageId\":\"not-a-uuid\",\"prompt\":\"pan\"}", 400, null);
		assertRefused("{not json", 400, null);

		assertThat(studio.credits()).isEqualTo(before);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
	}

	@Test
	void aPromptAtTheLimitIsAccepted() {
		String imageId = studio.imageAtLocation();
		ApiClient.Response accepted = generate(
				"{\"imageId\":\"%s\",\"prompt\":\"%s\",\"resolution\":\"512p\"}".formatted(imageId, "a".repeat(2000)));
		assertThat(accepted.status()).isEqualTo(202);
	}

	@Test
	void withoutAReplicateTokenOnlyTheLocalModelsAreOfferedAndTheOthersAreRefused() {
		JsonNode videos = client.get("/api/models?kind=video").json();
		assertThat(videos.size()).isEqualTo(1);
		assertThat(videos.get(0).path("id").asString()).isEqualTo("local/motion");
		assertThat(videos.get(0).path("default").asBoolean()).isTrue();
		assertThat(videos.get(0).path("provider").asString()).isEqualTo("local");
		JsonNode images = client.get("/api/models?kind=image").json();
		assertThat(images.size()).isEqualTo(1);
		assertThat(images.get(0).path("id").asString()).isEqualTo("local/compositor");
		String imageId = studio.imageAtLocation();
		int before = studio.credits();

		ApiClient.Response refused = generate(
				"{\"imageId\":\"%s\",\"prompt\":\"orbit\",\"model\":\"minimax/hailuo-02\"}".formatted(imageId));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("model_not_available");
		assertThat(studio.credits()).isEqualTo(before);
	}

	@Test
	void anotherPersonsImageCannotBeAnimated() {
		String imageId = studio.imageAtLocation();
		ApiClient stranger = ApiClient.signedUp(port);
		ApiClient.Response refused = stranger.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"pan right\"}".formatted(imageId));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.code()).isEqualTo("image_not_found");
		assertThat(new Studio(stranger).credits()).isEqualTo(10);
	}

	@Test
	void anUploadedPhotoCanBeAnimatedDirectly() {
		String photoId = studio.uploadSelfie();
		ApiClient.Response accepted = generate(
				"{\"imageId\":\"%s\",\"template\":\"push-in\",\"resolution\":\"512p\"}".formatted(photoId));
		assertThat(accepted.status()).isEqualTo(202);
		JsonNode done = studio.awaitTerminal("/api/video/" + accepted.json().path("id").asString(),
				Duration.ofMinutes(2));
		assertThat(done.path("status").asString()).isEqualTo("completed");
	}

	@Test
	void withoutEnoughCreditsNothingIsWritten() {
		String imageId = studio.imageAtLocation(); // 10 - 1 = 9 left
		assertThat(generate("{\"imageId\":\"%s\",\"prompt\":\"orbit\",\"resolution\":\"1080p\"}".formatted(imageId))
			.status()).isEqualTo(202); // 9 - 8 = 1 left

		ApiClient.Response refused = generate("{\"imageId\":\"%s\",\"prompt\":\"orbit\",\"resolution\":\"512p\"}".formatted(imageId));

		assertThat(refused.status()).isEqualTo(402);
		assertThat(refused.code()).isEqualTo("insufficient_credits");
		assertThat(studio.credits()).isEqualTo(1);
		assertThat(client.get("/api/video").json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void startingTooManyGenerationsIsRateLimitedWithoutCharge() {
		String imageId = studio.imageAtLocation();
		credits.grant(me(), 100, "Test credits");
		for (int i = 0; i < 5; i++) {
			assertThat(generate("{\"imageId\":\"%s\",\"prompt\":\"pan left\",\"resolution\":\"512p\"}".formatted(imageId))
				.status()).isEqualTo(202);
		}
		int before = studio.credits();

		ApiClient.Response refused = generate("{\"imageId\":\"%s\",\"prompt\":\"pan left\",\"resolution\":\"512p\"}".formatted(imageId));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("rate_limited");
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(client.get("/api/video").json().path("total").asInt()).isEqualTo(5);
	}

	@Test
	void aFailedGenerationSaysWhyAndRefundsExactlyOnce() {
		String imageId = studio.imageAtLocation();
		int before = studio.credits();
		String id = started("{\"imageId\":\"%s\",\"prompt\":\"pan right [[fail]]\",\"resolution\":\"512p\"}".formatted(imageId));

		JsonNode failed = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(1));

		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("error").path("code").asString()).isEqualTo("generation_failed");
		assertThat(failed.path("error").path("message").asString()).contains("refunded");
		assertThat(failed.has("videoUrl")).isFalse();
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactlyInAnyOrder("charge", "refund");
		assertThat(client.get("/api/video/" + id + "/video.mp4").status()).isEqualTo(404);
	}

	@Test
	void followersGetTheCurrentStateAtOnceThenEveryChangeUntilTheEnd() {
		String imageId = studio.imageAtLocation();
		String id = started("{\"imageId\":\"%s\",\"prompt\":\"slow tilt up\",\"resolution\":\"768p\"}".formatted(imageId));

		List<JsonNode> events = client.events("/api/video/" + id + "/events", Duration.ofMinutes(2));

		assertThat(events).isNotEmpty();
		assertThat(events.get(0).path("id").asString()).isEqualTo(id);
		assertThat(events.get(events.size() - 1).path("status").asString()).isEqualTo("completed");
		assertThat(events.stream().map(e -> e.path("progress").asInt()).toList()).isSorted();

		// Reconnecting after the end gets the final state at once, and the stream ends.
		assertThat(client.events("/api/video/" + id + "/events", Duration.ofSeconds(30))
			.stream()
			.map(e -> e.path("status").asString())
			.toList()).containsExactly("completed");
	}

	@Test
	void anotherPersonCannotSeeFollowDownloadOrDeleteAVideo() {
		String imageId = studio.imageAtLocation();
		String id = started("{\"imageId\":\"%s\",\"prompt\":\"pan right\",\"resolution\":\"512p\"}".formatted(imageId));
		studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));

		ApiClient stranger = ApiClient.signedUp(port);
		for (String path : List.of("", "/video.mp4", "/video.mp4?download=true", "/poster.jpg", "/events")) {
			ApiClient.Response response = stranger.get("/api/video/" + id + path);
			assertThat(response.status()).as(path).isEqualTo(404);
		}
		assertThat(stranger.delete("/api/video/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/api/video").json().path("total").asInt()).isZero();
		assertThat(client.get("/api/video/" + id).status()).isEqualTo(200);
		assertThat(new ApiClient(port).get("/api/video/" + id).status()).isEqualTo(401);
	}

	@Test
	void deletingRemovesTheVideoAndItsFilesButNotTheLedger() throws Exception {
		String imageId = studio.imageAtLocation();
		String id = started("{\"imageId\":\"%s\",\"prompt\":\"pan right\",\"resolution\":\"512p\"}".formatted(imageId));
		studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));
		String videoKey = "videos/" + me() + "/" + id + ".mp4";
		assertThat(media.exists(videoKey)).isTrue();

		assertThat(client.delete("/api/video/" + id).status()).isEqualTo(204);

		assertThat(client.get("/api/video/" + id).status()).isEqualTo(404);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
		assertThat(media.exists(videoKey)).isFalse();
		assertThat(media.exists("videos/" + me() + "/" + id + ".jpg")).isFalse();
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
	}

	@Test
	void offersMotionTemplatesAndPricedOptions() {
		JsonNode templates = client.get("/api/video/templates").json();
		assertThat(templates.size()).isGreaterThanOrEqualTo(8);
		templates.forEach(template -> {
			assertThat(template.path("slug").asString()).isNotBlank();
			assertThat(template.path("name").asString()).isNotBlank();
			assertThat(template.path("description").asString()).isNotBlank();
			assertThat(template.path("prompt").asString()).isNotBlank();
		});

		JsonNode options = client.get("/api/video/options").json();
		assertThat(options.path("durations").toString()).isEqualTo("[6,10]");
		assertThat(options.path("resolutions").toString()).isEqualTo("[\"512p\",\"768p\",\"1080p\"]");
		assertThat(options.path("defaultDuration").asInt()).isEqualTo(6);
		assertThat(options.path("defaultResolution").asString()).isEqualTo("768p");
		assertThat(options.path("maxPromptLength").asInt()).isEqualTo(2000);
		assertThat(options.path("costs").toString()).contains("{\"duration\":6,\"resolution\":\"768p\",\"cost\":5}")
			.contains("{\"duration\":10,\"resolution\":\"768p\",\"cost\":8}")
			.contains("{\"duration\":6,\"resolution\":\"1080p\",\"cost\":8}")
			.contains("{\"duration\":6,\"resolution\":\"512p\",\"cost\":3}")
			.doesNotContain("{\"duration\":10,\"resolution\":\"1080p\"");
	}

	private ApiClient.Response generate(String json) {
		return client.post("/api/video/generate", json);
	}

	private String started(String json) {
		ApiClient.Response accepted = generate(json);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		return accepted.json().path("id").asString();
	}

	private void assertRefused(String json, int status, String code) {
		ApiClient.Response refused = generate(json);
		assertThat(refused.status()).as(json).isEqualTo(status);
		assertThat(refused.header("Content-Type")).as(json).startsWith("application/problem+json");
		if (code != null) {
			assertThat(refused.code()).as(json).isEqualTo(code);
		}
	}

	private UUID me() {
		return UUID.fromString(client.get("/api/me").json().path("id").asString());
	}

	private static BufferedImage scaled(BufferedImage image, int width, int height) {
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return out;
	}

	private static List<Point> pixels(Rectangle area) {
		List<Point> all = new ArrayList<>();
		for (int y = area.y; y < area.y + area.height; y++) {
			for (int x = area.x; x < area.x + area.width; x++) {
				all.add(new Point(x, y));
			}
		}
		return all;
	}

	private static double meanLumaChange(BufferedImage a, BufferedImage b, List<Point> where) {
		double sum = 0;
		for (Point p : where) {
			sum += Math.abs(luma(a, p.x, p.y) - luma(b, p.x, p.y));
		}
		return sum / where.size();
	}

	private static double luma(BufferedImage image, int x, int y) {
		int rgb = image.getRGB(x, y);
		return 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
	}


}
