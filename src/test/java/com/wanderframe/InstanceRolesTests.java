package com.wanderframe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code WANDERFRAME_ROLE}: a web instance serves the person and schedules the work but never
 * runs a job; a worker runs the jobs and shows people nothing but its health.
 */
class InstanceRolesTests {

	@Test
	void theWebInstanceTakesTheOrderAndTheWorkerDoesTheWork(@TempDir Path data) throws Exception {
		try (ConfigurableApplicationContext worker = start(data, "worker", null)) {
			HikariDataSource database = worker.getBean(HikariDataSource.class);
			try (ConfigurableApplicationContext web = start(data, "web", database)) {
				assertThat(web.getBean(Scheduler.class).getSchedulerState().isStarted())
					.as("the web instance picks no executions").isFalse();
				assertThat(worker.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue();

				ApiClient person = ApiClient.signedUp(port(web));
				String imageId = new Studio(person).imageAtLocation();
				String id = person.post("/api/video/generate",
						"{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"duration\":6,\"resolution\":\"512p\"}"
							.formatted(imageId))
					.json()
					.path("id")
					.asString();
				List<JsonNode> events = person.events("/api/video/" + id + "/events", Duration.ofMinutes(2));
				assertThat(events.get(events.size() - 1).path("status").asString()).isEqualTo("completed");

				assertThat(status(port(worker), "/api/me")).isEqualTo(404);
				assertThat(status(port(worker), "/studio")).isEqualTo(404);
				assertThat(status(port(worker), "/api/auth/signup")).isEqualTo(404);
				assertThat(status(port(worker), "/actuator/health/readiness")).isEqualTo(200);
				assertThat(status(port(web), "/actuator/health/readiness")).isEqualTo(200);
				assertThat(status(port(web), "/actuator/health")).as("db-scheduler is not reported down on web")
					.isEqualTo(200);
			}
		}
	}

	static ConfigurableApplicationContext start(Path data, String role, HikariDataSource database) {
		List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--wanderframe.data.dir=" + data,
				"--wanderframe.role=" + role, "--db-scheduler.polling-interval=200ms"));
		if (database != null) {
			args.add("--spring.datasource.url=" + database.getJdbcUrl());
			args.add("--spring.datasource.username=" + database.getUsername());
			args.add("--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()));
		}
		return new SpringApplicationBuilder(WanderframeApplication.class).run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	static int status(int port, String path) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
