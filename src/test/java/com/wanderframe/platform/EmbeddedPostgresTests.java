package com.wanderframe.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.wanderframe.WanderframeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default on a machine shared with others: its data directory belongs to one
 * running instance, every connection needs a password, and the app is no superuser.
 */
class EmbeddedPostgresTests {

	@TempDir
	Path data;

	@Test
	void aSecondInstanceOnTheSameDataDirectoryRefusesToStartAndTheFirstKeepsServing() throws Exception {
		try (ConfigurableApplicationContext first = start()) {
			Path pidFile = data.resolve("postgres/postmaster.pid");
			List<String> pidBefore = Files.readAllLines(pidFile);

			assertThatThrownBy(this::start).hasRootCauseInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
				.rootCause()
				.hasMessageContaining("is in use by another running Wanderframe instance");

			assertThat(Files.readAllLines(pidFile)).as("the first instance's server keeps its lock file").isEqualTo(pidBefore);
			assertThat(first.getBean(JdbcClient.class).sql("SELECT count(*) FROM users").query(Long.class).single())
				.isNotNull();
		}
	}

	@Test
	void everyConnectionNeedsThePasswordAndTheAppIsNoSuperuser() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			int port = Integer.parseInt(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).trim());
			Path passwords = data.resolve("postgres-passwords.properties");

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
			assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
					"postgres", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
					"postgres", "guess")).isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("wanderframe");
			assertThat(jdbc.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
				.query(Boolean.class).single()).isFalse();
			assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
		}
	}

	@Test
	void aDataDirectoryOfAnEarlierVersionIsConvertedInPlaceAndKeepsItsData() throws Exception {
		// What earlier versions left: a cluster trusting every local connection, the schema up to
		// V7 owned by the superuser, and somebody's account in it.
		Path postgresDir = data.resolve("postgres");
		Files.createDirectories(postgresDir);
		try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(postgresDir)
			.setCleanDataDirectory(false).start()) {
			Flyway.configure().dataSource(legacy.getPostgresDatabase()).locations("classpath:db/migration")
				.target("7").load().migrate();
			try (Connection db = legacy.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
				sql.execute("INSERT INTO users (email, password_hash) VALUES ('early@example.com', '{noop}x')");
			}
		}
		assertThat(Files.readString(postgresDir.resolve("pg_hba.conf"))).contains("trust");

		try (ConfigurableApplicationContext app = start()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT email FROM users").query(String.class).list()).contains("early@example.com");
			assertThat(jdbc.sql("SELECT max(version::int) FROM flyway_schema_history WHERE version IS NOT NULL")
				.query(Integer.class).single()).isGreaterThan(7);
			assertThat(jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'users'").query(String.class).single())
				.isEqualTo("wanderframe");
			assertThat(Files.readString(postgresDir.resolve("pg_hba.conf"))).doesNotContain("trust");
			int port = Integer.parseInt(Files.readAllLines(postgresDir.resolve("postmaster.pid")).get(3).trim());
			assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
					"postgres", "")).isInstanceOf(SQLException.class);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(WanderframeApplication.class)
			.run("--wanderframe.data.dir=" + data, "--server.port=0");
	}

}
