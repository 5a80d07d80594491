package com.wanderframe.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.segmentation.TestPortraits;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Step 1 shows the person cut out of their photo, or says plainly that nobody was found. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CutoutTests {

	@LocalServerPort
	int port;

	@Test
	void theOwnerGetsTheAstronautOnTransparencyAndNobodyElseGetsAnything() throws Exception {
		ApiClient owner = ApiClient.signedUp(port);
		String id = upload(owner, Files.readAllBytes(TestPortraits.astronautFile()), "astronaut.png", "image/png");

		ApiClient.Response cutout = owner.get("/api/photos/" + id + "/cutout.png");
		assertThat(cutout.status()).as(cutout.toString()).isEqualTo(200);
		assertThat(cutout.header("Content-Type")).isEqualTo("image/png");
		BufferedImage image = TestImages.decode(cutout.bytes());
		assertThat(image.getColorModel().hasAlpha()).isTrue();
		assertThat(image.getWidth()).isEqualTo(512);
		assertThat(meanAlpha(image, 200, 90, 50, 60)).as("her face").isGreaterThan(0.95);
		assertThat(meanAlpha(image, 100, 330, 80, 100)).as("her suit").isGreaterThan(0.95);
		assertThat(meanAlpha(image, 330, 20, 40, 80)).as("the studio backdrop").isLessThan(0.05);
		assertThat(meanAlpha(image, 0, 80, 20, 120)).as("the flag").isLessThan(0.05);

		// Asked again, the same picture comes back (kept, not recomputed differently).
		assertThat(owner.get("/api/photos/" + id + "/cutout.png").bytes()).isEqualTo(cutout.bytes());

		ApiClient stranger = ApiClient.signedUp(port);
		ApiClient.Response theirs = stranger.get("/api/photos/" + id + "/cutout.png");
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.code()).isEqualTo("photo_not_found");
	}

	@Test
	void aPhotoWithoutAPersonSaysSo() throws Exception {
		ApiClient owner = ApiClient.signedUp(port);
		String id = upload(owner, Files.readAllBytes(TestPortraits.coffeeFile()), "coffee.png", "image/png");

		ApiClient.Response cutout = owner.get("/api/photos/" + id + "/cutout.png");

		assertThat(cutout.status()).isEqualTo(404);
		assertThat(cutout.code()).isEqualTo("no_person_found");
		assertThat(cutout.json().path("detail").asString()).contains("framed");
	}

	private static String upload(ApiClient client, byte[] bytes, String name, String type) {
		ApiClient.Response upload = new Studio(client).uploadPhoto(bytes, name, type);
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		return upload.json().path("id").asString();
	}

	private static double meanAlpha(BufferedImage image, int x, int y, int w, int h) {
		double sum = 0;
		for (int yy = y; yy < y + h; yy++) {
			for (int xx = x; xx < x + w; xx++) {
				sum += (image.getRGB(xx, yy) >>> 24) / 255.0;
			}
		}
		return sum / (w * h);
	}

}
