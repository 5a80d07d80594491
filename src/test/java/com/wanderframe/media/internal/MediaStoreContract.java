package com.wanderframe.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaObject;
import com.wanderframe.media.MediaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link MediaStore} promises, run against each implementation.
 */
abstract class MediaStoreContract {

	@TempDir
	Path temp;

	abstract MediaStore store();

	@Test
	void aWorkingStoreSaysItIsAvailable() throws IOException {
		store().checkAvailable();
	}

	@Test
	void whatIsPutComesBackByteForByteWithItsTypeAndSize() throws IOException {
		byte[] bytes = randomBytes(300_000);
		Path source = Files.write(temp.resolve("source.bin"), bytes);
		Instant before = Instant.now().minus(Duration.ofMinutes(1));

		store().put("photos/alice/one.jpg", source, "image/jpeg");

		MediaObject object = store().stat("photos/alice/one.jpg");
		assertThat(object.key()).isEqualTo("photos/alice/one.jpg");
		assertThat(object.size()).isEqualTo(bytes.length);
		assertThat(object.contentType()).isEqualTo("image/jpeg");
		assertThat(object.lastModified()).isAfter(before);
		try (InputStream in = store().open("photos/alice/one.jpg")) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
	}

	@Test
	void bytesCanBePutDirectlyAndOverwritten() throws IOException {
		store().put("images/bob/x.png", "first".getBytes(StandardCharsets.UTF_8), "image/png");
		store().put("images/bob/x.png", "second version".getBytes(StandardCharsets.UTF_8), "image/png");

		assertThat(read("images/bob/x.png")).isEqualTo("second version");
		assertThat(store().stat("images/bob/x.png").size()).isEqualTo(14);
		assertThat(store().stat("images/bob/x.png").contentType()).isEqualTo("image/png");
	}

	@Test
	void aRangeReadReturnsExactlyThoseBytes() throws IOException {
		byte[] bytes = randomBytes(100_000);
		store().put("videos/carol/v.mp4", bytes, "video/mp4");

		try (InputStream in = store().open("videos/carol/v.mp4", 1000, 5000)) {
			byte[] part = in.readAllBytes();
			assertThat(part).hasSize(5000);
			assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1000, 6000));
		}
		try (InputStream in = store().open("videos/carol/v.mp4", 99_990, 10)) {
			assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 99_990, 100_000));
		}
	}

	@Test
	void anObjectCanBeCopiedToALocalFile() throws IOException {
		byte[] bytes = randomBytes(50_000);
		store().put("videos/dan/v.jpg", bytes, "image/jpeg");
		Path target = temp.resolve("copy.jpg");

		store().copyTo("videos/dan/v.jpg", target);

		assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
	}

	@Test
	void listingAPrefixFindsEveryObjectUnderItWithItsSizeAndAge() throws IOException {
		store().put("videos/finn/a.mp4", new byte[] { 1, 2, 3 }, "video/mp4");
		store().put("videos/finn/deeper/b.jpg", new byte[] { 1 }, "image/jpeg");
		store().put("videos/finnegan/c.mp4", new byte[] { 1, 2 }, "video/mp4");

		List<MediaObject> listed;
		try (java.util.stream.Stream<MediaObject> objects = store().list("videos/finn/")) {
			listed = objects.toList();
		}

		assertThat(listed).extracting(MediaObject::key)
			.containsExactlyInAnyOrder("videos/finn/a.mp4", "videos/finn/deeper/b.jpg");
		assertThat(listed).filteredOn(object -> object.key().endsWith("a.mp4"))
			.singleElement()
			.satisfies(object -> {
				assertThat(object.size()).isEqualTo(3);
				assertThat(object.lastModified()).isBefore(java.time.Instant.now().plusSeconds(60));
			});
		try (java.util.stream.Stream<MediaObject> none = store().list("images/finn/")) {
			assertThat(none).isEmpty();
		}
	}

	@Test
	void aDeletedObjectIsGoneAndDeletingTwiceIsFine() throws IOException {
		store().put("photos/erin/gone.jpg", new byte[] { 1, 2, 3 }, "image/jpeg");
		assertThat(store().exists("photos/erin/gone.jpg")).isTrue();

		store().delete("photos/erin/gone.jpg");
		store().delete("photos/erin/gone.jpg");

		assertThat(store().exists("photos/erin/gone.jpg")).isFalse();
	}

	@Test
	void aMissingObjectIsReportedAsNotFound() {
		assertThatThrownBy(() -> store().stat("photos/nobody/none.jpg")).isInstanceOf(MediaNotFoundException.class);
		assertThatThrownBy(() -> store().open("photos/nobody/none.jpg")).isInstanceOf(MediaNotFoundException.class);
		assertThatThrownBy(() -> store().open("photos/nobody/none.jpg", 0, 10))
			.isInstanceOf(MediaNotFoundException.class);
		assertThatThrownBy(() -> store().copyTo("photos/nobody/none.jpg", temp.resolve("x")))
			.isInstanceOf(MediaNotFoundException.class);
	}

	@Test
	void keysThatCouldEscapeTheStoreAreRefused() {
		for (String key : new String[] { "../etc/passwd", "photos/../../x.jpg", "/abs/x.jpg", "photos//x.jpg",
				"Photos/X.JPG", "photos/a b.jpg", "photos/x.jpg/", "", "photos/.hidden" }) {
			assertThatThrownBy(() -> store().put(key, new byte[] { 1 }, "image/jpeg"))
				.as(key)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	private String read(String key) throws IOException {
		try (InputStream in = store().open(key)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

}
