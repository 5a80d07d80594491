package com.wanderframe.photos.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.photos.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one person's uploads may cost the server: memory to decode (budgeted by decoded bytes,
 * with a bounded wait for a share), uploads per minute, and bytes kept.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wanderframe.photos.decode-wait=1s", "wanderframe.media.storage-quota=500KB",
				"wanderframe.rate-limit.uploads.per-minute=4" })
class PhotoLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	DecodeBudget budget;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aTinyPngThatWouldDecodeToHundredsOfMegabytesIsRefusedFromItsHeaderAlone() {
		// 6000 x 6000 pixels of 16-bit RGBA: 36 megapixels (under the pixel limit) but 288 MB decoded.
		byte[] bomb = TestImages.png16BitRgba(6000, 6000, 0, 0, 0, 0);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);

		long allocatedBefore = allocatedByAllThreads();
		ApiClient.Response response = studio.uploadPhoto(bomb, "bomb.png", "image/png");
		long allocated = allocatedByAllThreads() - allocatedBefore;

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("photo_too_large_to_decode");
		assertThat(response.json().path("detail").asString()).contains("6000 × 6000");
		// Decoding it would have allocated at least the 288 MB of pixels; judging the header does not.
		assertThat(allocated).isLessThan(150L * 1024 * 1024);
		assertThat(client.get("/api/photos").json().path("total").asLong()).isZero();
	}

	@Test
	void aSixteenBitPhotoIsKeptAtEightBitsPerChannel() {
		ApiClient client = ApiClient.signedUp(port);

		ApiClient.Response upload = new Studio(client)
			.uploadPhoto(TestImages.png16BitRgba(300, 200, 0xffff, 0x8000, 0, 0x8000), "deep.png", "image/png");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		ApiClient.Response content = client.get(upload.json().path("url").asString());
		assertThat(content.header("Content-Type")).isEqualTo("image/png");
		BufferedImage kept = TestImages.decode(content.bytes());
		assertThat(kept.getWidth()).isEqualTo(300);
		assertThat(kept.getColorModel().getComponentSize()).containsOnly(8);
		assertThat(kept.getRGB(10, 10) >>> 24).isBetween(0x7e, 0x81);
		assertThat((kept.getRGB(10, 10) >> 16) & 0xff).isEqualTo(0xff);
	}

	@Test
	void anUploadThatCannotGetADecodeShareInTimeIsAnswered503InsteadOfWaitingForever() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);

		ApiClient.Response busy;
		try (DecodeBudget.Lease everything = budget.reserve(Long.MAX_VALUE)) {
			busy = studio.uploadPhoto(Studio.selfieJpeg(400, 500), "me.jpg", "image/jpeg");
		}

		assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
		assertThat(busy.code()).isEqualTo("busy_try_again");
		assertThat(busy.header("Retry-After")).isEqualTo("5");
		assertThat(client.get("/api/photos").json().path("total").asLong()).isZero();
		ApiClient.Response later = studio.uploadPhoto(Studio.selfieJpeg(400, 500), "me.jpg", "image/jpeg");
		assertThat(later.status()).as(later.toString()).isEqualTo(201);
	}

	@Test
	void uploadsPerPersonAreLimitedAndTheLimitSaysWhenToComeBack() {
		ApiClient alice = ApiClient.signedUp(port);
		Studio studio = new Studio(alice);
		for (int i = 0; i < 4; i++) {
			assertThat(studio.uploadPhoto(Studio.selfieJpeg(200, 200), "me.jpg", "image/jpeg").status()).isEqualTo(201);
		}

		ApiClient.Response fifth = studio.uploadPhoto(Studio.selfieJpeg(200, 200), "me.jpg", "image/jpeg");

		assertThat(fifth.status()).as(fifth.toString()).isEqualTo(429);
		assertThat(fifth.code()).isEqualTo("rate_limited");
		assertThat(Long.parseLong(fifth.header("Retry-After"))).isPositive();
		assertThat(alice.get("/api/photos").json().path("total").asLong()).isEqualTo(4);
		ApiClient bob = ApiClient.signedUp(port);
		assertThat(new Studio(bob).uploadPhoto(Studio.selfieJpeg(200, 200), "me.jpg", "image/jpeg").status())
			.isEqualTo(201);
	}

	@Test
	void aPersonsStoredBytesAreCappedAndDeletingAPhotoMakesRoomAgain() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		byte[] noisy = noiseJpeg(600); // about 320 KB once cleaned, against a quota of 500 KB

		ApiClient.Response first = studio.uploadPhoto(noisy, "a.jpg", "image/jpeg");
		ApiClient.Response second = studio.uploadPhoto(noisy, "b.jpg", "image/jpeg");

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).as(second.toString()).isEqualTo(403);
		assertThat(second.code()).isEqualTo("storage_quota_exceeded");
		assertThat(client.get("/api/photos").json().path("total").asLong()).isEqualTo(1);
		assertThat(client.delete("/api/photos/" + first.json().path("id").asString()).status()).isEqualTo(204);
		assertThat(studio.uploadPhoto(noisy, "c.jpg", "image/jpeg").status()).isEqualTo(201);
	}

	@Test
	void noImageOrVideoIsStartedOrChargedOnceTheStoredBytesReachTheQuota() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		String photoId = client.get("/api/photos").json().path("items").get(0).path("id").asString();
		// Earlier outputs filled the quota (a generation's output is stored whatever its size).
		String user = client.get("/api/me").json().path("id").asString();
		jdbc.sql("INSERT INTO media_usage (media_key, user_id, bytes) VALUES (?, ?::uuid, ?)")
			.params("videos/" + user + "/earlier.mp4", user, 600 * 1024)
			.update();
		int credits = studio.credits();

		ApiClient.Response video = client.post("/api/video/generate",
				"{\"imageId\":\"" + imageId + "\",\"prompt\":\"slow push in\",\"duration\":6,\"resolution\":\"512p\"}");
		ApiClient.Response image = client.post("/api/images",
				"{\"photoId\":\"" + photoId + "\",\"location\":\"" + studio.firstLocation() + "\"}");

		assertThat(video.status()).as(video.toString()).isEqualTo(403);
		assertThat(video.code()).isEqualTo("storage_quota_exceeded");
		assertThat(image.status()).as(image.toString()).isEqualTo(403);
		assertThat(image.code()).isEqualTo("storage_quota_exceeded");
		assertThat(studio.credits()).isEqualTo(credits);
		assertThat(client.get("/api/video").json().path("total").asLong()).isZero();
		tools.jackson.databind.JsonNode images = client.get("/api/images").json();
		assertThat(images.has("items") ? images.path("items").size() : images.size()).as("images").isEqualTo(1);
	}

	private static byte[] noiseJpeg(int side) {
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(1);
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				image.setRGB(x, y, random.nextInt());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Bytes every live thread of this JVM has allocated so far (Tomcat's included). */
	private static long allocatedByAllThreads() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
	}

}
