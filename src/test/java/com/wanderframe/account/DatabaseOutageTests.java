package com.wanderframe.account;

import java.io.IOException;
import java.nio.file.Path;

import com.wanderframe.ApiClient;
import com.wanderframe.ApiClient.Response;
import com.wanderframe.platform.DataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away for real (its server is stopped) while the app keeps running: sign-in
 * and sign-up must say "try again" (503), never that the password is wrong. The server then comes
 * back on the same port and data, and the same sign-in works.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.connection-timeout=1500",
				"spring.datasource.hikari.validation-timeout=1000" })
@DirtiesContext
class DatabaseOutageTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	DataDirectory data;

	@Test
	void signInDuringAnOutageIsUnavailableNotInvalidCredentials() throws IOException {
		String email = ApiClient.uniqueEmail();
		assertThat(new ApiClient(port).post("/api/auth/signup", json(email)).status()).isEqualTo(201);
		ApiClient client = new ApiClient(port);
		client.get("/api/me");
		int databasePort = postgres.getPort();
		Path dataDirectory = data.resolve("postgres");

		postgres.close();
		Response signIn = client.post("/api/auth/signin", json(email));
		Response signUp = client.post("/api/auth/signup", json(ApiClient.uniqueEmail()));

		assertThat(signIn.status()).isEqualTo(503);
		assertThat(signIn.code()).isEqualTo("service_unavailable");
		assertThat(signIn.header("Retry-After")).isNotBlank();
		assertThat(signUp.status()).isEqualTo(503);
		assertThat(signUp.code()).isEqualTo("service_unavailable");

		// The embedded server demands its superuser's password (generated into the data directory).
		java.util.Properties passwords = new java.util.Properties();
		try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(data.resolve("postgres-passwords.properties"))) {
			passwords.load(reader);
		}
		try (EmbeddedPostgres back = EmbeddedPostgres.builder()
			.setConnectConfig("password", passwords.getProperty("superuser"))
			.setPort(databasePort)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.start()) {
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(30))
				.until(() -> client.post("/api/auth/signin", json(email)).status() == 200);
		}
	}

	private static String json(String email) {
		return "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}";
	}

}
