package com.wanderframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process a cluster test starts (a {@code java -jar}, nginx, PostgreSQL, S3Mock), with its
 * output in a log file the test can read and leave behind for a failure's post-mortem.
 */
public final class ExternalProcess implements AutoCloseable {

	/** Settings of the machine running the tests that must not leak into what the tests start. */
	private static final List<String> INHERITED_SETTINGS_TO_DROP = List.of("DATABASE_URL", "REPLICATE_API_TOKEN",
			"REPLICATE_WEBHOOK_SECRET", "APP_PUBLIC_URL", "WANDERFRAME_ROLE", "WANDERFRAME_MEDIA_STORE", "S3_BUCKET",
			"S3_ENDPOINT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "WANDERFRAME_DATA_DIR", "PORT", "JAVA_TOOL_OPTIONS");

	private final String name;

	private final Process process;

	private final Path log;

	private ExternalProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	public static ExternalProcess start(String name, Path log, Map<String, String> environment, List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		INHERITED_SETTINGS_TO_DROP.forEach(builder.environment()::remove);
		builder.environment().putAll(environment);
		try {
			return new ExternalProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + command, ex);
		}
	}

	/** Runs a command to its end, failing with its output when it fails. */
	static void run(Path log, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + command + "; see " + log);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"Failed (" + process.exitValue() + "): " + command + "\n" + Files.readString(log));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	String name() {
		return name;
	}

	/** The operating system's process id (for jcmd). */
	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public String log() {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path logFile() {
		return log;
	}

	/** SIGKILL: the process gets no chance to clean up, as when a machine dies. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, as an orchestrator stops a container; waits for the process to exit. */
	int stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
			throw new IllegalStateException(name + " did not stop within 90 s of SIGTERM; see " + log);
		}
		return process.exitValue();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(40, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Override
	public String toString() {
		return name;
	}

}
