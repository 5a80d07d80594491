package com.wanderframe.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.media.MediaStore;
import com.wanderframe.segmentation.TestPortraits;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Step 3's answer says where the person stands, and keeps the picture's layers for step 4. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SubjectApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Images images;

	@Autowired
	MediaStore store;

	@Test
	void theAstronautsImageSaysWhereSheStandsAndKeepsItsLayers() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String photoId = upload(studio, Files.readAllBytes(TestPortraits.astronautFile()), "astronaut.png");

		JsonNode image = generate(client, studio, photoId, "venice-canals");

		JsonNode subject = image.path("subject");
		assertThat(subject.isObject()).as(image.toString()).isTrue();
		assertThat(subject.path("width").asInt()).isBetween(300, 1920);
		assertThat(subject.path("height").asInt()).isBetween(600, 1080);
		assertThat(subject.path("x").asInt() + subject.path("width").asInt()).isLessThanOrEqualTo(1920);
		ImageRef ref = images.find(new ImageId(java.util.UUID.fromString(image.path("id").asString()))).orElseThrow();
		ImageLayers.Manifest layers = ImageLayers.read(store, ref.mediaKey()).orElseThrow();
		assertThat(layers.layers()).extracting(ImageLayers.Layer::name)
			.containsExactly("sky", "far", "middle", "near", "subject", "caption");
		for (ImageLayers.Layer layer : layers.layers()) {
			assertThat(store.exists(layer.mediaKey())).as(layer.name()).isTrue();
		}
	}

	@Test
	void aPhotoWithNobodyInItIsFramedAndHasNoSubject() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String photoId = upload(studio, Files.readAllBytes(TestPortraits.coffeeFile()), "coffee.png");

		JsonNode image = generate(client, studio, photoId, "santorini");

		assertThat(image.has("subject")).as(image.toString()).isTrue();
		assertThat(image.path("subject").isNull()).isTrue();
	}

	private static String upload(Studio studio, byte[] bytes, String name) {
		ApiClient.Response upload = studio.uploadPhoto(bytes, name, "image/png");
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		return upload.json().path("id").asString();
	}

	private static JsonNode generate(ApiClient client, Studio studio, String photoId, String location) {
		ApiClient.Response started = client.post("/api/images",
				"{\"photoId\":\"" + photoId + "\",\"location\":\"" + location + "\"}");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode image = studio.awaitTerminal("/api/images/" + started.json().path("id").asString(),
				Duration.ofSeconds(120));
		assertThat(image.path("status").asString()).as(image.toString()).isEqualTo("completed");
		return image;
	}

}
