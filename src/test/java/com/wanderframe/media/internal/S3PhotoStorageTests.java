package com.wanderframe.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.UUID;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.media.MediaStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application configured for S3 the way production is ({@code wanderframe.media.store=s3}
 * and the {@code wanderframe.media.s3.*} settings), against a real S3-protocol server: photos go
 * to the bucket and come back, ranges included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class S3PhotoStorageTests {

	static final S3MockServer server;

	static {
		try {
			server = S3MockServer.start(Files.createTempDirectory("s3mock"), "photos-bucket");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		registry.add("wanderframe.media.store", () -> "s3");
		registry.add("wanderframe.media.s3.bucket", () -> "photos-bucket");
		registry.add("wanderframe.media.s3.endpoint", () -> server.endpoint().toString());
		registry.add("wanderframe.media.s3.region", () -> "eu-central-1");
		registry.add("wanderframe.media.s3.path-style-access", () -> "true");
		registry.add("wanderframe.media.s3.access-key", () -> "test-key");
		registry.add("wanderframe.media.s3.secret-key", () -> "test-secret");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MediaStore store;

	@Autowired
	OrphanSweep sweep;

	@Test
	void theOrphanSweepRemovesUnclaimedObjectsFromTheBucketAndKeepsPhotos() throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		String photoUrl = new Studio(client).uploadPhoto(Studio.selfieJpeg(300, 400), "me.jpg", "image/jpeg")
			.json()
			.path("url")
			.asString();
		String orphan = "photos/" + user + "/" + UUID.randomUUID() + ".jpg";
		store.put(orphan, new byte[] { 1, 2, 3 }, "image/jpeg");

		// The bucket's clock decides an object's age; a cutoff ahead of it makes everything old enough.
		sweep.sweep(java.time.Instant.now().plus(java.time.Duration.ofMinutes(5)));

		assertThat(store.exists(orphan)).isFalse();
		assertThat(client.get(photoUrl).status()).isEqualTo(200);
	}

	@Test
	void anUploadedPhotoLivesInTheBucketAndIsServedFromIt() throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());

		ApiClient.Response upload = new Studio(client).uploadPhoto(Studio.selfieJpeg(600, 800), "me.jpg",
				"image/jpeg");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		String id = upload.json().path("id").asString();
		String key = "photos/" + user + "/" + id + ".jpg";
		assertThat(((AccountedMediaStore) store).delegate()).isInstanceOf(S3MediaStore.class);
		assertThat(store.exists(key)).isTrue();
		byte[] whole = client.get(upload.json().path("url").asString()).bytes();
		assertThat(whole).isEqualTo(store.open(key).readAllBytes());
		ApiClient.Response range = client
			.send(client.request(upload.json().path("url").asString()).header("Range", "bytes=10-19").GET());
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.bytes()).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
	}

}
