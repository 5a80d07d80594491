package com.wanderframe;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.wanderframe.InstanceRolesTests.port;
import static com.wanderframe.InstanceRolesTests.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness means "can serve": the database and the media store answer. Liveness only means the
 * process is not stuck, so an outage of the store takes instances out of the balancer without
 * an orchestrator restarting them all.
 */
class HealthGroupsTests {

	@Test
	void anInstanceWhoseMediaStoreIsGoneIsNotReadyButStillAlive(@TempDir Path data) throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WanderframeApplication.class)
			.run("--server.port=0", "--wanderframe.data.dir=" + data)) {
			int port = port(app);
			assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
			assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);

			Path media = data.resolve("media");
			FileSystemUtils.deleteRecursively(media);
			try {
				await().until(() -> status(port, "/actuator/health/readiness") == 503);
				assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
			}
			finally {
				Files.createDirectories(media);
			}
			await().until(() -> status(port, "/actuator/health/readiness") == 200);
		}
	}

}
