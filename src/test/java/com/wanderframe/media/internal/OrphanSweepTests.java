package com.wanderframe.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.imaging.ImageLayers;
import com.wanderframe.media.MediaObject;
import com.wanderframe.media.MediaStore;
import com.wanderframe.platform.DataDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between storing a file and recording its row leaves a file nobody can reach; the sweep
 * removes such files from the local store once they are past the grace period, and nothing else
 * (an image's layers belong to it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrphanSweepTests {

	@LocalServerPort
	int port;

	@Autowired
	MediaStore store;

	@Autowired
	OrphanSweep sweep;

	@Autowired
	DataDirectory data;

	@Test
	void oldFilesNoRowClaimsAreRemovedWhileClaimedRecentAndForeignOnesStay() throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		String photoId = new Studio(client).uploadSelfie();
		String photo = "photos/" + user + "/" + photoId + ".jpg";
		String orphanPhoto = "photos/" + user + "/" + UUID.randomUUID() + ".jpg";
		String orphanVideo = "videos/" + user + "/" + UUID.randomUUID() + ".mp4";
		String orphanImage = "images/" + user + "/" + UUID.randomUUID() + ".jpg";
		String inFlight = "videos/" + user + "/" + UUID.randomUUID() + ".mp4";
		String foreign = "backups/" + user + "/report.json";
		for (String key : new String[] { orphanPhoto, orphanVideo, orphanImage, inFlight, foreign }) {
			store.put(key, new byte[] { 1, 2, 3 }, null);
		}
		// Everything but the file being stored right now was written two hours ago (the crash).
		for (String key : new String[] { photo, orphanPhoto, orphanVideo, orphanImage, foreign }) {
			Files.setLastModifiedTime(file(key), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		}

		int removed = sweep.sweep();

		assertThat(removed).isGreaterThanOrEqualTo(3);
		assertThat(file(orphanPhoto)).doesNotExist();
		assertThat(file(orphanVideo)).doesNotExist();
		assertThat(file(orphanImage)).doesNotExist();
		assertThat(file(photo)).exists();
		assertThat(file(inFlight)).exists();
		assertThat(file(foreign)).exists();
		assertThat(client.get("/api/photos/" + photoId + "/content").status()).isEqualTo(200);
	}

	@Test
	void anImagesLayersStayWhileTheImageDoesAndGoWithAnImageNoRowClaims() throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		UUID user = UUID.fromString(client.get("/api/me").json().path("id").asString());
		String image = "images/" + user + "/" + new Studio(client).imageAtLocation() + ".jpg";
		List<String> layers;
		try (Stream<MediaObject> stored = store.list(ImageLayers.prefix(image))) {
			layers = stored.map(MediaObject::key).toList();
		}
		assertThat(layers).as("the local compositor keeps the picture's layers").isNotEmpty();
		String orphanLayer = ImageLayers.prefix("images/" + user + "/" + UUID.randomUUID() + ".jpg") + "print.png";
		store.put(orphanLayer, new byte[] { 1, 2, 3 }, null);
		for (String key : Stream.concat(Stream.of(image, orphanLayer), layers.stream()).toList()) {
			Files.setLastModifiedTime(file(key), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		}

		sweep.sweep();

		assertThat(file(orphanLayer)).doesNotExist();
		assertThat(file(image)).exists();
		for (String layer : layers) {
			assertThat(file(layer)).as(layer).exists();
		}
		assertThat(ImageLayers.read(store, image)).as("step 4 still finds them").isPresent();
	}

	private Path file(String key) {
		return data.resolve("media").resolve(key);
	}

}
