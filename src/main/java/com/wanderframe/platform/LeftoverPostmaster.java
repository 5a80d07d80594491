package com.wanderframe.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on our data directory after the app that started it died.
 * Its postmaster runs in a session of its own, so a SIGKILL of the JVM (the OOM killer, a
 * supervisor, {@code kill -9}) leaves it behind; starting another server over it fails, and
 * deleting its {@code postmaster.pid} makes it shut itself down abruptly a minute later. Call
 * only while holding the {@link DataDirectoryLock}: then no live app owns that server.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

	private LeftoverPostmaster() {
	}

	/**
	 * Stops the server left running on {@code postgresDirectory}, if there is one, and waits
	 * until it has exited. A {@code postmaster.pid} whose process is gone, or is not a
	 * PostgreSQL server on this directory, is left to PostgreSQL, which handles a stale one.
	 */
	static void stopIfRunning(Path postgresDirectory, Duration patience) throws IOException {
		Optional<ProcessHandle> postmaster = find(postgresDirectory);
		if (postmaster.isEmpty()) {
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("A PostgreSQL server (pid {}) from a previous run is still running on {}; shutting it down first",
				process.pid(), postgresDirectory);
		// SIGTERM is PostgreSQL's smart shutdown: no new connections, a checkpoint, a clean exit.
		// Its clients were the dead app's connections, so nothing keeps it waiting.
		process.destroy();
		try {
			process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The PostgreSQL server (pid " + process.pid()
					+ ") left running on " + postgresDirectory + " did not stop within " + patience
					+ "; stop it (kill -INT " + process.pid() + ") and start again", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for the old PostgreSQL server to stop", ex);
		}
		catch (ExecutionException ex) {
			throw new IOException(ex.getCause());
		}
		log.info("The PostgreSQL server from the previous run has shut down");
	}

	/** The live postmaster named by {@code postmaster.pid}, if it really serves this directory. */
	static Optional<ProcessHandle> find(Path postgresDirectory) throws IOException {
		List<String> pidFile;
		try {
			pidFile = Files.readAllLines(postgresDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		if (pidFile.size() < 2) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(pidFile.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (pid <= 0 || pid == ProcessHandle.current().pid()) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(process -> servesDirectory(process, postgresDirectory));
	}

	/**
	 * Whether the process is a PostgreSQL server started on this directory, read from
	 * {@code /proc/<pid>/cmdline} (a reused pid belongs to some other program).
	 */
	private static boolean servesDirectory(ProcessHandle process, Path postgresDirectory) {
		List<String> arguments;
		try {
			byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
			arguments = List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
		}
		catch (IOException ex) {
			return false;
		}
		if (arguments.isEmpty() || !Path.of(arguments.get(0)).getFileName().toString().equals("postgres")) {
			return false;
		}
		int dataOption = arguments.indexOf("-D");
		if (dataOption < 0 || dataOption + 1 >= arguments.size()) {
			return false;
		}
		return sameFile(Path.of(arguments.get(dataOption + 1)), postgresDirectory);
	}

	private static boolean sameFile(Path a, Path b) {
		try {
			return Files.isSameFile(a, b);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
