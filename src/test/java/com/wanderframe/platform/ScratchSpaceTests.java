package com.wanderframe.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Work files live under the data directory, and what a dead instance left there goes at start-up. */
class ScratchSpaceTests {

	@TempDir
	Path data;

	@Test
	void filesLeftByAnInstanceThatDiedAreRemovedAtStartUpButARunningOnesAreKept() throws IOException {
		Path root = data.resolve("scratch");
		// What a killed instance leaves: its directory, its lock file (no longer locked), half a render.
		Path dead = Files.createDirectories(root.resolve("dead-instance"));
		Files.writeString(dead.resolve(".lock"), "");
		Path halfRender = Files.createDirectories(dead.resolve("video-123")).resolve("clip.mp4");
		Files.write(halfRender, new byte[1024]);
		ScratchSpace running = new ScratchSpace(root);
		Path inUse = running.createFile("upload-", ".bin");

		ScratchSpace restarted = new ScratchSpace(root);

		assertThat(dead).doesNotExist();
		assertThat(inUse).exists();
		Path mine = restarted.createDirectory("video-");
		assertThat(mine).isDirectory().startsWith(root);
		restarted.close();
		running.close();
		assertThat(mine).doesNotExist();
		assertThat(inUse).doesNotExist();
	}

	@Test
	void scratchIsUnderTheDataDirectoryNotTheSharedTemporaryOne() throws IOException {
		ScratchSpace scratch = new ScratchSpace(new DataDirectory(data));
		try {
			assertThat(scratch.createFile("photo-", ".img")).startsWith(data.resolve("scratch"));
		}
		finally {
			scratch.close();
		}
	}

}
