package com.wanderframe;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar starts on a fresh data directory with no configuration at all and reports
 * itself healthy: what `./mvnw spring-boot:run` promises, checked on the artifact we ship.
 */
class PackagedJarIT {

	@TempDir
	Path dataDir;

	@Test
	void theJarStartsWithNoSetupAndIsHealthy() throws Exception {
		int port = freePort();
		Path log = dataDir.resolve("app.log");
		Process app = new ProcessBuilder(javaBinary(), "-jar", PackagedJar.path().toString(), "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(dataDir.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
				assertThat(app.isAlive()).as("app exited early; see %s", log).isTrue();
				return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
			});
			assertThat(dataDir.resolve("data/postgres/PG_VERSION")).exists();
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
