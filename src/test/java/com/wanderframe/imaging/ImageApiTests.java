package com.wanderframe.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.account.ActingUser;
import com.wanderframe.credits.Credits;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 3 with the local generator (no Replicate token in tests). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImageApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Credits credits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Images images;

	@Test
	void aPersonGetsAPictureOfThemselvesAtThePlaceForOneCredit() throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String photoId = studio.uploadSelfie();

		ApiClient.Response started = client.post("/api/images",
				"{\"photoId\":\"" + photoId + "\",\"location\":\"santorini\"}");

		assertThat(started.status()).isEqualTo(202);
		String id = started.json().path("id").asString();
		assertThat(started.json().path("status").asString()).isEqualTo("pending");
		assertThat(started.json().path("cost").asInt()).isEqualTo(1);
		assertThat(started.json().path("credits").asInt()).isEqualTo(9);

		JsonNode image = studio.awaitTerminal("/api/images/" + id, Duration.ofSeconds(30));
		assertThat(image.path("status").asString()).isEqualTo("completed");
		assertThat(image.path("photoId").asString()).isEqualTo(photoId);
		assertThat(image.path("location").asString()).isEqualTo("santorini");
		assertThat(image.path("url").asString()).isEqualTo("/api/images/" + id + "/content");
		assertThat(image.has("error")).isFalse();
		assertThat(image.path("createdAt").asString()).isNotBlank();

		ApiClient.Response content = client.get("/api/images/" + id + "/content");
		assertThat(content.status()).isEqualTo(200);
		assertThat(content.header("Content-Type")).isEqualTo("image/jpeg");
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(content.bytes()));
		assertThat(picture.getWidth()).isEqualTo(1920);
		assertThat(picture.getHeight()).isEqualTo(1080);

		assertThat(studio.credits()).isEqualTo(9);
		assertThat(client.get("/api/images").json().get(0).path("id").asString()).isEqualTo(id);
	}

	@Test
	void imagesAreListedNewestFirst() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String first = studio.imageAtLocation();
		String second = studio.imageAtLocation();

		JsonNode list = client.get("/api/images").json();

		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).path("id").asString()).isEqualTo(second);
		assertThat(list.get(1).path("id").asString()).isEqualTo(first);
	}

	@Test
	void anUnknownPlaceIsRefusedAndCostsNothing() {
		ApiClient client = ApiClient.signedUp(port);
		String photoId = new Studio(client).uploadSelfie();

		ApiClient.Response refused = client.post("/api/images",
				"{\"photoId\":\"" + photoId + "\",\"location\":\"atlantis\"}");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.code()).isEqualTo("location_not_found");
		assertNothingHappened(client);
	}

	@Test
	void aMissingPhotoIsRefusedAndCostsNothing() {
		ApiClient client = ApiClient.signedUp(port);

		ApiClient.Response refused = client.post("/api/images",
				"{\"photoId\":\"" + UUID.randomUUID() + "\",\"location\":\"santorini\"}");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.code()).isEqualTo("photo_not_found");
		assertNothingHappened(client);
	}

	@Test
	void someoneElsesPhotoIsRefusedAsIfItDidNotExist() {
		String alicesPhoto = new Studio(ApiClient.signedUp(port)).uploadSelfie();
		ApiClient bob = ApiClient.signedUp(port);

		ApiClient.Response refused = bob.post("/api/images",
				"{\"photoId\":\"" + alicesPhoto + "\",\"location\":\"santorini\"}");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.code()).isEqualTo("photo_not_found");
		assertNothingHappened(bob);
	}

	@Test
	void anIncompleteRequestIsRefused() {
		ApiClient client = ApiClient.signedUp(port);

		ApiClient.Response refused = client.post("/api/images", "{\"location\":\"santorini\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("invalid_request");
		assertNothingHappened(client);
	}

	@Test
	void withoutEnoughCreditsNothingIsStarted() {
		ApiClient client = ApiClient.signedUp(port);
		String photoId = new Studio(client).uploadSelfie();
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		credits.charge(user, 10, UUID.randomUUID(), "spent elsewhere");

		ApiClient.Response refused = client.post("/api/images",
				"{\"photoId\":\"" + photoId + "\",\"location\":\"santorini\"}");

		assertThat(refused.status()).isEqualTo(402);
		assertThat(refused.code()).isEqualTo("insufficient_credits");
		assertThat(client.get("/api/images").json().size()).isZero();
		assertThat(credits.balanceOf(user)).isZero();
	}

	@Test
	void someoneElsesImageIsNotFound() {
		ApiClient alice = ApiClient.signedUp(port);
		String image = new Studio(alice).imageAtLocation();
		ApiClient bob = ApiClient.signedUp(port);

		ApiClient.Response status = bob.get("/api/images/" + image);
		ApiClient.Response content = bob.get("/api/images/" + image + "/content");

		assertThat(status.status()).isEqualTo(404);
		assertThat(status.code()).isEqualTo("image_not_found");
		assertThat(content.status()).isEqualTo(404);
		assertThat(bob.get("/api/images").json().size()).isZero();
		assertThat(alice.get("/api/images/" + image + "/content").status()).isEqualTo(200);
	}

	@Test
	void step4SeesTheFinishedImageOfItsOwnerOnly() {
		ApiClient alice = ApiClient.signedUp(port);
		UUID image = UUID.fromString(new Studio(alice).imageAtLocation());
		UUID aliceId = UUID.fromString(alice.get("/api/me").json().path("id").asString());
		UUID bobId = UUID.fromString(ApiClient.signedUp(port).get("/api/me").json().path("id").asString());

		ImageRef seenByAlice = ActingUser.callAs(aliceId, () -> images.find(new ImageId(image))).orElseThrow();
		boolean seenByBob = ActingUser.callAs(bobId, () -> images.find(new ImageId(image))).isPresent();

		assertThat(seenByAlice.completed()).isTrue();
		assertThat(seenByAlice.ownerId()).isEqualTo(aliceId);
		assertThat(seenByAlice.mediaKey()).isEqualTo("images/" + aliceId + "/" + image + ".jpg");
		assertThat(seenByAlice.contentType()).isEqualTo("image/jpeg");
		assertThat(seenByAlice.width()).isEqualTo(1920);
		assertThat(seenByAlice.height()).isEqualTo(1080);
		assertThat(seenByBob).isFalse();
	}

	@Test
	void startingTooManyAtOnceIsSlowedDownWithoutCharging() {
		ApiClient client = ApiClient.signedUp(port);
		String photoId = new Studio(client).uploadSelfie();
		String body = "{\"photoId\":\"" + photoId + "\",\"location\":\"sahara-dunes\"}";
		for (int i = 0; i < 5; i++) {
			ApiClient.Response started = client.post("/api/images", body);
			assertThat(started.status()).isEqualTo(202);
			// Finished, so the limit on unfinished generations (also 5) is not what refuses the sixth.
			new Studio(client).awaitTerminal("/api/images/" + started.json().path("id").asString(),
					java.time.Duration.ofMinutes(1));
		}

		ApiClient.Response refused = client.post("/api/images", body);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("rate_limited");
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(new Studio(client).credits()).isEqualTo(5);
		assertThat(client.get("/api/images").json().size()).isEqualTo(5);
	}

	@Test
	void signedOutVisitorsCannotGenerate() {
		ApiClient visitor = new ApiClient(port);

		ApiClient.Response refused = visitor.post("/api/images",
				"{\"photoId\":\"" + UUID.randomUUID() + "\",\"location\":\"santorini\"}");

		assertThat(refused.status()).isEqualTo(401);
	}

	private void assertNothingHappened(ApiClient client) {
		assertThat(new Studio(client).credits()).isEqualTo(10);
		assertThat(client.get("/api/images").json().size()).isZero();
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		assertThat(jdbc.sql("SELECT count(*) FROM generated_images WHERE user_id = ?").param(user).query(Long.class)
			.single()).isZero();
	}

}
