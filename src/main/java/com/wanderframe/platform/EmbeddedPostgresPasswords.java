package com.wanderframe.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded database's passwords, generated at first start and kept in the data directory
 * readable by its owner only: one for the {@code postgres} superuser (used once per start to
 * prepare the roles) and one for the app's own, unprivileged login role.
 */
record EmbeddedPostgresPasswords(String superuser, String app) {

	static final String FILE_NAME = "postgres-passwords.properties";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	@Override
	public String toString() {
		return "EmbeddedPostgresPasswords[hidden]";
	}

	static boolean exist(Path dataDirectory) {
		return Files.exists(dataDirectory.resolve(FILE_NAME));
	}

	static EmbeddedPostgresPasswords loadOrCreate(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve(FILE_NAME);
		if (!Files.exists(file)) {
			Properties generated = new Properties();
			generated.setProperty("superuser", randomPassword());
			generated.setProperty("app", randomPassword());
			// Written beside and moved into place, so a crash never leaves half a file behind.
			Path partial = writeOwnerOnly(dataDirectory.resolve(FILE_NAME + ".partial"), generated);
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY);
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		String superuser = properties.getProperty("superuser");
		String app = properties.getProperty("app");
		if (superuser == null || superuser.isBlank() || app == null || app.isBlank()) {
			throw new IllegalStateException(file + " lacks the database passwords (superuser, app)");
		}
		return new EmbeddedPostgresPasswords(superuser, app);
	}

	/** A file holding just the superuser password, for {@code initdb --pwfile}; delete it after. */
	Path writeSuperuserPasswordFile(Path file) throws IOException {
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		Files.writeString(file, superuser + "\n", StandardCharsets.UTF_8);
		return file;
	}

	private static Path writeOwnerOnly(Path file, Properties properties) throws IOException {
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			properties.store(writer, "Embedded PostgreSQL passwords; keep this file private");
		}
		return file;
	}

	/** 32 random bytes, URL-safe Base64: no character needs quoting in SQL or a connection string. */
	private static String randomPassword() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
