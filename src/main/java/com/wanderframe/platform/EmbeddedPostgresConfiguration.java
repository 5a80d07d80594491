package com.wanderframe.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-setup database: a real PostgreSQL started from binaries on the classpath, keeping
 * its data under the data directory so it survives a restart. Used only when no database is
 * configured ({@code DATABASE_URL} or {@code spring.datasource.url}).
 * <p>
 * It is run as a shared machine needs: the data directory is locked for this process before
 * anything in it is touched (a second instance refuses to start), a server left running by a
 * killed previous run is shut down cleanly rather than fought, every connection needs a password
 * (scram-sha-256; the generated passwords live in the data directory, owner-only), and the app
 * connects as an unprivileged role that owns its tables, not as the superuser.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/** A server recovering from a crash may take a while before it accepts connections. */
	private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

	private static final Duration LEFTOVER_SHUTDOWN_WAIT = Duration.ofMinutes(2);

	@Bean(destroyMethod = "close")
	DataDirectoryLock dataDirectoryLock(DataDirectory data) throws IOException {
		return DataDirectoryLock.acquire(data.dir());
	}

	/** Depends on the lock, so it is stopped before the lock is released. */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DataDirectory data, DataDirectoryLock lock) throws IOException {
		Path dir = data.resolve("postgres");
		Files.createDirectories(dir);
		LeftoverPostmaster.stopIfRunning(dir, LEFTOVER_SHUTDOWN_WAIT);
		EmbeddedPostgresPasswords passwords = EmbeddedPostgresPasswords.loadOrCreate(data.dir());
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "100")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("password", passwords.superuser())
			.setPGStartupWait(STARTUP_WAIT);
		Path initdbPasswordFile = null;
		if (!Files.exists(dir.resolve("postgresql.conf"))) {
			// A new cluster never trusts anyone, not even for its first second: initdb sets the
			// superuser's password and scram-sha-256 (these come after the builder's "-A trust").
			initdbPasswordFile = passwords.writeSuperuserPasswordFile(data.resolve("postgres-initdb.pw"));
			builder.setLocaleConfig("auth-local", EmbeddedPostgresRoles.AUTH_METHOD)
				.setLocaleConfig("auth-host", EmbeddedPostgresRoles.AUTH_METHOD)
				.setLocaleConfig("pwfile", initdbPasswordFile.toString());
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			if (initdbPasswordFile != null) {
				Files.deleteIfExists(initdbPasswordFile);
			}
		}
		try {
			EmbeddedPostgresRoles.prepare(postgres, dir, passwords);
		}
		catch (RuntimeException | IOException ex) {
			postgres.close();
			throw ex;
		}
		log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres, DataDirectory data) throws IOException {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + EmbeddedPostgresRoles.DATABASE);
		dataSource.setUsername(EmbeddedPostgresRoles.APP_ROLE);
		dataSource.setPassword(EmbeddedPostgresPasswords.loadOrCreate(data.dir()).app());
		return dataSource;
	}

	static class NoDatabaseConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
