package com.wanderframe.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Where work in progress keeps its files (uploads being cleaned, videos being rendered or
 * downloaded): {@code <data dir>/scratch/<instance>/}, never the machine's shared temporary
 * directory. Each running instance holds a lock on its own directory; at start-up every
 * directory whose lock is free belongs to an instance that died (a crash, a kill) and is removed
 * with whatever it left behind, while those of instances still running on the same data
 * directory are left alone.
 */
@Component
public class ScratchSpace {

	private static final Logger log = LoggerFactory.getLogger(ScratchSpace.class);

	private static final String LOCK = ".lock";

	private final Path mine;

	private final FileChannel lockChannel;

	private final FileLock lock;

	@Autowired
	public ScratchSpace(DataDirectory data) throws IOException {
		this(data.resolve("scratch"));
	}

	ScratchSpace(Path root) throws IOException {
		Files.createDirectories(root);
		removeAbandoned(root);
		this.mine = Files.createDirectory(root.resolve(UUID.randomUUID().toString()));
		this.lockChannel = FileChannel.open(mine.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		this.lock = lockChannel.lock();
	}

	/** A new empty directory of this instance's; the caller removes it when done. */
	public Path createDirectory(String prefix) throws IOException {
		return Files.createTempDirectory(mine, prefix);
	}

	/** A new empty file of this instance's; the caller removes it when done. */
	public Path createFile(String prefix, String suffix) throws IOException {
		return Files.createTempFile(mine, prefix, suffix);
	}

	private static void removeAbandoned(Path root) throws IOException {
		try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path directory : directories) {
				if (abandoned(directory)) {
					FileSystemUtils.deleteRecursively(directory);
					log.info("Removed scratch files left by an instance that stopped: {}", directory);
				}
			}
		}
	}

	private static boolean abandoned(Path directory) {
		Path lockFile = directory.resolve(LOCK);
		if (!Files.exists(lockFile)) {
			// An instance creates its directory a moment before locking it: only old ones count.
			try {
				return Files.getLastModifiedTime(directory).toMillis() < System.currentTimeMillis() - 60_000;
			}
			catch (IOException ex) {
				return false;
			}
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock held = channel.tryLock();
			if (held == null) {
				return false; // another process runs with it
			}
			held.release();
			return true;
		}
		catch (OverlappingFileLockException ex) {
			return false; // another application context in this JVM runs with it
		}
		catch (IOException ex) {
			return false;
		}
	}

	@PreDestroy
	void close() {
		try {
			lock.release();
			lockChannel.close();
			FileSystemUtils.deleteRecursively(mine);
		}
		catch (IOException ex) {
			log.debug("Could not remove {}", mine, ex);
		}
	}

}
