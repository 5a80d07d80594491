package com.wanderframe.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.wanderframe.media.MediaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDiskMediaStoreTests extends MediaStoreContract {

	Path root;

	LocalDiskMediaStore store;

	@BeforeEach
	void createStore() throws IOException {
		root = temp.resolve("media");
		store = new LocalDiskMediaStore(root);
	}

	@Override
	MediaStore store() {
		return store;
	}

	@Test
	void writesLeaveNoTemporaryFilesBehind() throws IOException {
		store.put("photos/f/a.jpg", new byte[] { 1, 2, 3 }, "image/jpeg");
		store.put("photos/f/a.jpg", Files.write(temp.resolve("src"), new byte[] { 4 }), "image/jpeg");

		try (Stream<Path> files = Files.list(root.resolve("photos/f"))) {
			assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("a.jpg",
					".a.jpg.type");
		}
	}

}
