package com.wanderframe.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the embedded cluster to what the app expects, at every start and idempotently, so a
 * data directory made by an earlier version (which trusted every local connection and ran the
 * app as the superuser) is converted in place: passwords on, {@code pg_hba.conf} rewritten to
 * scram-sha-256, and the app's tables handed to its own login role.
 */
final class EmbeddedPostgresRoles {

	static final String AUTH_METHOD = "scram-sha-256";

	/** The app's login role: owns the schema and its tables, may create roles, is no superuser. */
	static final String APP_ROLE = "wanderframe";

	static final String DATABASE = "postgres";

	/** The request role of row-level security (see V1); created here so the app may grant it. */
	private static final String REQUEST_ROLE = "wanderframe_user";

	private static final String PG_HBA = """
			# Written by Wanderframe at every start: every connection needs its password.
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 scram-sha-256
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresRoles.class);

	private EmbeddedPostgresRoles() {
	}

	static void prepare(EmbeddedPostgres postgres, Path postgresDirectory, EmbeddedPostgresPasswords passwords)
			throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			// The superuser's password first: pg_hba below may only demand it once it is set.
			sql.execute("ALTER ROLE postgres PASSWORD " + literal(passwords.superuser()));
			sql.execute("""
					DO $$
					BEGIN
					    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
					        CREATE ROLE %1$s;
					    END IF;
					    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
					        CREATE ROLE %2$s NOLOGIN NOBYPASSRLS;
					    END IF;
					END
					$$""".formatted(APP_ROLE, REQUEST_ROLE));
			sql.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER CREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS"
					+ " PASSWORD " + literal(passwords.app()));
			sql.execute("GRANT " + REQUEST_ROLE + " TO " + APP_ROLE + " WITH ADMIN OPTION");
			// The database owner owns schema public (pg_database_owner) and so may create in it.
			sql.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + APP_ROLE);
			handOverObjectsOwnedBySuperuser(sql);
		}
		catch (SQLException ex) {
			throw new IOException("Could not prepare the embedded database's roles: " + ex.getMessage(), ex);
		}
		writePgHba(postgres, postgresDirectory);
	}

	/**
	 * Earlier versions connected as {@code postgres}, which therefore owns their tables,
	 * functions and Flyway's history; the app role must own them to migrate them further.
	 * (REASSIGN OWNED cannot be used: the bootstrap superuser also owns the system catalogs.)
	 */
	private static void handOverObjectsOwnedBySuperuser(Statement sql) throws SQLException {
		sql.execute("""
				DO $$
				DECLARE
				    object record;
				BEGIN
				    FOR object IN
				        SELECT c.oid::regclass AS name FROM pg_class c
				        WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
				          AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT EXISTS (
				              SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
				    LOOP
				        EXECUTE format('ALTER TABLE %1$s OWNER TO %2$s', object.name);
				    END LOOP;
				    -- sequences not owned through a table column (those moved with their table)
				    FOR object IN
				        SELECT c.oid::regclass AS name FROM pg_class c
				        WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
				          AND c.relkind = 'S' AND NOT EXISTS (
				              SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
				    LOOP
				        EXECUTE format('ALTER SEQUENCE %1$s OWNER TO %2$s', object.name);
				    END LOOP;
				    FOR object IN
				        SELECT p.oid::regprocedure AS name FROM pg_proc p
				        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
				          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
				    LOOP
				        EXECUTE format('ALTER ROUTINE %1$s OWNER TO %2$s', object.name);
				    END LOOP;
				    FOR object IN
				        SELECT t.oid::regtype AS name FROM pg_type t
				        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = 'postgres'::regrole
				          AND t.typtype IN ('e', 'd', 'r')
				          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
				    LOOP
				        EXECUTE format('ALTER TYPE %1$s OWNER TO %2$s', object.name);
				    END LOOP;
				END
				$$""".replace("%2$s", APP_ROLE));
	}

	private static void writePgHba(EmbeddedPostgres postgres, Path postgresDirectory) throws IOException {
		Path pgHba = postgresDirectory.resolve("pg_hba.conf");
		if (Files.exists(pgHba) && Files.readString(pgHba, StandardCharsets.UTF_8).equals(PG_HBA)) {
			return;
		}
		Path partial = postgresDirectory.resolve("pg_hba.conf.partial");
		Files.writeString(partial, PG_HBA, StandardCharsets.UTF_8);
		Files.move(partial, pgHba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IOException("Could not reload the embedded database's configuration", ex);
		}
		log.info("Embedded PostgreSQL now requires passwords (scram-sha-256) for every connection");
	}

	/** The passwords are URL-safe Base64, but quote properly anyway. */
	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
