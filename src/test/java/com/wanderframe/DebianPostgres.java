package com.wanderframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A private PostgreSQL cluster from Debian's {@code postgresql} package (not the embedded one):
 * initdb and pg_ctl from {@code /usr/lib/postgresql/<version>/bin}, data and socket in a
 * temporary directory, listening on 127.0.0.1 on a free port, password authentication over
 * TCP. PostgreSQL refuses to run as root, so under root (as CI runs) its commands run as the
 * {@code postgres} system user through {@code runuser}. Never touches the system's own cluster.
 */
public final class DebianPostgres implements AutoCloseable {

	static final String USER = "wanderframe";

	static final String DATABASE = "wanderframe";

	private final Path bin;

	private final Path dir;

	private final int port;

	private final String password = UUID.randomUUID().toString();

	private final String osUser;

	private DebianPostgres(Path bin, Path dir, int port, String osUser) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
		this.osUser = osUser;
	}

	static Path binaries() {
		Path root = Path.of("/usr/lib/postgresql");
		try (Stream<Path> versions = Files.list(root)) {
			return versions.filter(version -> Files.isExecutable(version.resolve("bin/pg_ctl")))
				.max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
				.map(version -> version.resolve("bin"))
				.orElseThrow();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(
					"Debian's PostgreSQL server is not installed (apt-get install postgresql; .ci/run does it)", ex);
		}
	}

	public static DebianPostgres start() throws IOException {
		boolean root = "root".equals(System.getProperty("user.name"));
		String osUser = root ? "postgres" : null;
		// Not under a JUnit @TempDir: that one is private to root, and the postgres user must reach it.
		Path dir = Files.createTempDirectory("wanderframe-postgres-");
		DebianPostgres postgres = new DebianPostgres(binaries(), dir, ExternalProcess.freePort(), osUser);
		postgres.initAndStart();
		return postgres;
	}

	private void initAndStart() throws IOException {
		Path passwordFile = dir.resolve("password");
		Files.writeString(passwordFile, password);
		if (osUser != null) {
			ExternalProcess.run(log(), List.of("chown", "-R", osUser, dir.toString()));
		}
		asPostgresUser(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER,
				"--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
				"--no-instructions"));
		Files.deleteIfExists(passwordFile);
		asPostgresUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
				dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
				"-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
						+ " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=100",
				"start"));
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER,
				password); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database; see " + dir.resolve("server.log"), ex);
		}
	}

	private void asPostgresUser(List<String> command) {
		List<String> full = new ArrayList<>();
		if (osUser != null) {
			full.addAll(List.of("runuser", "-u", osUser, "--"));
		}
		full.addAll(command);
		ExternalProcess.run(log(), full);
	}

	private Path data() {
		return dir.resolve("data");
	}

	private Path log() {
		return dir.resolve("commands.log");
	}

	/** As Supabase or Heroku hand it out. */
	public String databaseUrl() {
		return "postgres://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + DATABASE;
	}

	JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER,
				password));
	}

	@Override
	public void close() {
		try {
			asPostgresUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w",
					"stop"));
		}
		finally {
			try {
				FileSystemUtils.deleteRecursively(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
