package com.wanderframe.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Ledger;
import com.wanderframe.Studio;
import com.wanderframe.media.MediaStore;
import com.wanderframe.video.internal.render.Mp4Files;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuing a video from its exact last frame, and a camera the person directs with two
 * rectangles on the image, through the HTTP API on the local renderer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContinueAndDirectTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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
	void aContinuedVideoStartsOnTheExactLastFrameOfTheOneBefore(@TempDir Path tmp) throws Exception {
		String photoId = studio.uploadSelfie();
		String first = started("{\"imageId\":\"%s\",\"template\":\"pan-left\",\"resolution\":\"512p\"}".formatted(photoId));
		JsonNode done = studio.awaitTerminal("/api/video/" + first, Duration.ofMinutes(2));
		assertThat(done.path("status").asString()).isEqualTo("completed");
		Path firstMp4 = Files.write(tmp.resolve("first.mp4"), client.get(done.path("videoUrl").asString()).bytes());
		int frames = (int) Mp4Files.probe(firstMp4).frameCount();
		BufferedImage lastFrame = Mp4Files.decodeFrame(firstMp4, frames - 1);

		ApiClient.Response accepted = client.post("/api/video/generate",
				"{\"fromVideoId\":\"%s\",\"template\":\"push-in\",\"resolution\":\"512p\"}".formatted(first));

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json().path("credits").asInt()).isEqualTo(10 - 3 - 3);
		String next = accepted.json().path("id").asString();
		JsonNode continued = studio.awaitTerminal("/api/video/" + next, Duration.ofMinutes(2));
		assertThat(continued.path("status").asString()).isEqualTo("completed");
		assertThat(continued.path("fromVideoId").asString()).isEqualTo(first);
		String stillId = continued.path("imageId").asString();
		assertThat(stillId).isNotEqualTo(photoId);

		// the still is the person's own picture, pixel for pixel the last frame
		ApiClient.Response still = client.get("/api/photos/" + stillId + "/content");
		assertThat(still.status()).isEqualTo(200);
		assertThat(still.header("Content-Type")).isEqualTo("image/png");
		BufferedImage stored = ImageIO.read(new ByteArrayInputStream(still.bytes()));
		assertThat(stored.getWidth()).isEqualTo(lastFrame.getWidth());
		assertThat(stored.getHeight()).isEqualTo(lastFrame.getHeight());
		assertThat(differingPixels(stored, lastFrame)).isZero();
		assertThat(differingPixels(stored, Mp4Files.decodeFrame(firstMp4, 0))).isPositive();

		// and the continuation opens on it (a push-in starts on the whole picture)
		Path nextMp4 = Files.write(tmp.resolve("next.mp4"), client.get(continued.path("videoUrl").asString()).bytes());
		BufferedImage opening = Mp4Files.decodeFrame(nextMp4, 0);
		assertThat(meanDifference(opening, scaled(stored, 0, 0, stored.getWidth(), stored.getHeight(),
				opening.getWidth(), opening.getHeight()))).isLessThan(6);
	}

	@Test
	void aVideoCanBeContinuedOnlyByItsOwnerOnlyOnceFinishedAndARefusalLeavesNothing() throws Exception {
		String photoId = studio.uploadSelfie();
		String done = started("{\"imageId\":\"%s\",\"template\":\"pan-left\",\"resolution\":\"512p\"}".formatted(photoId));
		String failed = started("{\"imageId\":\"%s\",\"prompt\":\"pan [[fail]]\",\"resolution\":\"512p\"}".formatted(photoId));
		studio.awaitTerminal("/api/video/" + done, Duration.ofMinutes(2));
		studio.awaitTerminal("/api/video/" + failed, Duration.ofMinutes(1));
		int balance = studio.credits();
		assertThat(balance).isEqualTo(7);

		ApiClient stranger = ApiClient.signedUp(port);
		ApiClient.Response theirs = stranger.post("/api/video/generate",
				"{\"fromVideoId\":\"%s\",\"template\":\"push-in\",\"resolution\":\"512p\"}".formatted(done));
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.code()).isEqualTo("video_not_found");
		assertThat(new Studio(stranger).credits()).isEqualTo(10);
		assertThat(stranger.get("/api/photos").json().path("total").asInt()).isZero();

		assertRefused("{\"fromVideoId\":\"%s\",\"template\":\"push-in\"}".formatted(failed), 409, "video_not_ready");
		assertRefused("{\"fromVideoId\":\"%s\",\"imageId\":\"%s\",\"template\":\"push-in\"}".formatted(done, photoId),
				400, "conflicting_first_frame");
		// 8 credits with 7 left: the last frame was taken, and is removed again
		assertRefused("{\"fromVideoId\":\"%s\",\"template\":\"push-in\",\"resolution\":\"1080p\"}".formatted(done), 402,
				"insufficient_credits");
		assertRefused(("{\"fromVideoId\":\"%s\",\"template\":\"push-in\",\"camera\":{\"from\":{\"x\":0,\"y\":0,\"w\":10},"
				+ "\"to\":{\"x\":0,\"y\":0,\"w\":10},\"easing\":\"linear\"}}").formatted(done), 400, "invalid_camera");

		assertThat(studio.credits()).isEqualTo(balance);
		assertThat(client.get("/api/photos").json().path("total").asInt()).isEqualTo(1);
		String me = client.get("/api/me").json().path("id").asString();
		try (var stored = media.list("photos/" + me + "/")) {
			assertThat(stored.filter(object -> !object.key().contains(".cutout") && !object.key().endsWith(".no-person"))
				.map(object -> object.key())
				.toList()).hasSize(1).noneMatch(key -> key.endsWith(".png"));
		}
	}

	@Test
	void theFirstAndLastFramesShowTheRectanglesThePersonDrew(@TempDir Path tmp) throws Exception {
		String photoId = uploadPng(blocks(800, 450));
		int before = studio.credits();

		ApiClient.Response accepted = client.post("/api/video/generate", """
				{"imageId":"%s","prompt":"my own move","resolution":"512p",
				 "camera":{"from":{"x":0,"y":0,"w":400},"to":{"x":400,"y":225,"w":400},"easing":"ease-out"}}
				""".formatted(photoId));

		assertThat(accepted.status()).isEqualTo(202);
		String id = accepted.json().path("id").asString();
		JsonNode done = studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("camera").path("easing").asString()).isEqualTo("ease-out");
		assertThat(studio.credits()).isEqualTo(before - 3);
		Path mp4 = Files.write(tmp.resolve("directed.mp4"), client.get(done.path("videoUrl").asString()).bytes());
		int frames = (int) Mp4Files.probe(mp4).frameCount();
		BufferedImage opening = Mp4Files.decodeFrame(mp4, 0);
		BufferedImage closing = Mp4Files.decodeFrame(mp4, frames - 1);
		BufferedImage picture = blocks(800, 450);
		int w = opening.getWidth(), h = opening.getHeight();
		BufferedImage topLeft = scaled(picture, 0, 0, 400, 225, w, h);
		BufferedImage bottomRight = scaled(picture, 400, 225, 400, 225, w, h);

		assertThat(meanDifference(opening, topLeft)).isLessThan(8);
		assertThat(meanDifference(opening, bottomRight)).isGreaterThan(30);
		assertThat(meanDifference(closing, bottomRight)).isLessThan(8);
		assertThat(meanDifference(closing, topLeft)).isGreaterThan(30);
	}

	@Test
	void aCameraOutsideThePictureTooSmallOrHalfGivenIsRefusedWithACodeAndNothingCharged() {
		String photoId = uploadPng(blocks(800, 450));
		int before = studio.credits();
		String good = "{\"x\":0,\"y\":0,\"w\":400}";
		for (String camera : new String[] { "{\"from\":{\"x\":500,\"y\":0,\"w\":400},\"to\":" + good + ",\"easing\":\"linear\"}",
				"{\"from\":" + good + ",\"to\":{\"x\":0,\"y\":300,\"w\":400},\"easing\":\"linear\"}",
				"{\"from\":{\"x\":-1,\"y\":0,\"w\":400},\"to\":" + good + ",\"easing\":\"linear\"}",
				"{\"from\":{\"x\":0,\"y\":0,\"w\":40},\"to\":" + good + ",\"easing\":\"linear\"}",
				"{\"from\":" + good + ",\"easing\":\"linear\"}", "{\"from\":{\"x\":0,\"y\":0},\"to\":" + good + "}",
				"{\"from\":" + good + ",\"to\":" + good + ",\"easing\":\"bounce\"}",
				"{\"from\":" + good + ",\"to\":" + good + "}" }) {
			ApiClient.Response refused = client.post("/api/video/generate",
					"{\"imageId\":\"%s\",\"prompt\":\"move\",\"camera\":%s}".formatted(photoId, camera));
			assertThat(refused.status()).as(camera).isEqualTo(400);
			assertThat(refused.code()).as(camera).isEqualTo("invalid_camera");
		}
		assertThat(studio.credits()).isEqualTo(before);
		assertThat(client.get("/api/video").json().path("total").asInt()).isZero();
	}

	private String started(String body) {
		ApiClient.Response accepted = client.post("/api/video/generate", body);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		return accepted.json().path("id").asString();
	}

	private void assertRefused(String body, int status, String code) {
		ApiClient.Response refused = client.post("/api/video/generate", body);
		assertThat(refused.status()).as(body).isEqualTo(status);
		assertThat(refused.code()).as(body).isEqualTo(code);
	}

	private String uploadPng(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ApiClient.Response photo = studio.uploadPhoto(out.toByteArray(), "scene.png", "image/png");
		assertThat(photo.status()).isEqualTo(201);
		return photo.json().path("id").asString();
	}

	/** Big blocks of different colours, so each part of the picture looks unlike the others. */
	private static BufferedImage blocks(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		int size = 50;
		for (int y = 0; y < height; y += size) {
			for (int x = 0; x < width; x += size) {
				int i = x / size, j = y / size;
				g.setColor(new Color((i * 47 + j * 13) % 256, (i * 11 + j * 71) % 256, (i * 29 + j * 37 + 90) % 256));
				g.fillRect(x, y, size, size);
			}
		}
		g.dispose();
		return image;
	}

	private static BufferedImage scaled(BufferedImage source, int x, int y, int w, int h, int width, int height) {
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(source, 0, 0, width, height, x, y, x + w, y + h, null);
		g.dispose();
		return out;
	}

	/** Mean absolute difference per channel, 0 to 255. */
	private static double meanDifference(BufferedImage a, BufferedImage b) {
		assertThat(a.getWidth()).isEqualTo(b.getWidth());
		assertThat(a.getHeight()).isEqualTo(b.getHeight());
		long sum = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				int p = a.getRGB(x, y), q = b.getRGB(x, y);
				for (int shift = 0; shift <= 16; shift += 8) {
					sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
				}
			}
		}
		return sum / (3.0 * a.getWidth() * a.getHeight());
	}

	private static long differingPixels(BufferedImage a, BufferedImage b) {
		long differing = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
					differing++;
				}
			}
		}
		return differing;
	}

}
