package com.wanderframe.platform;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Claims the data directory for this process for as long as it runs. The operating system
 * releases the lock when the process dies however it dies (SIGKILL included), so a lock that
 * cannot be taken means another live instance is using the directory, while a postmaster left
 * running by a killed instance does not hold it.
 */
final class DataDirectoryLock implements Closeable {

	static final String FILE_NAME = "wanderframe.lock";

	private final Path file;

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	/** @throws DataDirectoryInUseException when another live process holds the directory */
	static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
		Files.createDirectories(dataDirectory);
		Path file = dataDirectory.resolve(FILE_NAME);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// another application context in this same JVM holds it
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new DataDirectoryInUseException(dataDirectory);
		}
		return new DataDirectoryLock(file, channel, lock);
	}

	Path file() {
		return file;
	}

	@Override
	public void close() throws IOException {
		try {
			lock.release();
		}
		finally {
			channel.close();
		}
	}

	static final class DataDirectoryInUseException extends IllegalStateException {

		DataDirectoryInUseException(Path dataDirectory) {
			super("The data directory " + dataDirectory + " is in use by another running Wanderframe instance. "
					+ "Stop that instance first, or give this one its own directory with WANDERFRAME_DATA_DIR "
					+ "(several instances share one database through DATABASE_URL instead).");
		}

	}

}
