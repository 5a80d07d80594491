package com.wanderframe.video.internal;

import java.io.IOException;
import java.nio.file.Path;

import com.wanderframe.platform.ScratchSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/** A temporary directory for one job's files, removed with everything in it when closed. */
final class ScratchDirectory implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ScratchDirectory.class);

	private final Path path;

	private ScratchDirectory(Path path) {
		this.path = path;
	}

	static ScratchDirectory create(ScratchSpace scratch, String prefix) throws IOException {
		return new ScratchDirectory(scratch.createDirectory(prefix));
	}

	Path resolve(String name) {
		return path.resolve(name);
	}

	@Override
	public void close() {
		try {
			FileSystemUtils.deleteRecursively(path);
		}
		catch (IOException ex) {
			log.debug("Could not remove {}", path, ex);
		}
	}

}
