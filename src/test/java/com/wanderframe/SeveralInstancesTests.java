package com.wanderframe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one database, as behind a load balancer: a session made on one is good
 * on the other, and a person following a generation on one instance sees every change made by
 * whichever instance runs the job, through PostgreSQL's LISTEN/NOTIFY.
 */
class SeveralInstancesTests {

	@Test
	void anyInstanceServesThePersonAndForwardsEveryChange(@TempDir Path data) {
		try (ConfigurableApplicationContext one = new SpringApplicationBuilder(WanderframeApplication.class)
			.run("--server.port=0", "--wanderframe.data.dir=" + data)) {
			HikariDataSource database = one.getBean(HikariDataSource.class);
			try (ConfigurableApplicationContext two = new SpringApplicationBuilder(WanderframeApplication.class).run(
					"--server.port=0", "--wanderframe.data.dir=" + data,
					"--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()))) {
				ApiClient onOne = ApiClient.signedUp(port(one));
				ApiClient onTwo = new ApiClient(port(two));
				onTwo.adoptSession(onOne);
				assertThat(onTwo.get("/api/me").json().path("email").asString())
					.isEqualTo(onOne.get("/api/me").json().path("email").asString());

				// Started on the first instance; either may run its jobs (they share the media
				// directory as they would share a bucket); followed on the second.
				String imageId = new Studio(onOne).imageAtLocation();
				String id = onOne.post("/api/video/generate",
						"{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"resolution\":\"512p\"}".formatted(imageId))
					.json()
					.path("id")
					.asString();

				List<JsonNode> events = onTwo.events("/api/video/" + id + "/events", Duration.ofMinutes(2));
				assertThat(events.get(events.size() - 1).path("status").asString()).isEqualTo("completed");
			}
		}
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

}
