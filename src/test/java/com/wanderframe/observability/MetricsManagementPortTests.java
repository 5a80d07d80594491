package com.wanderframe.observability;

import org.junit.jupiter.api.Test;

import com.wanderframe.ApiClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** With a management port the metrics are served there, to anyone who can reach it, and never on the public port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class MetricsManagementPortTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void servesMetricsOnTheManagementPortOnly() {
		assertThat(managementPort).isNotEqualTo(port);
		ApiClient.Response scraped = new ApiClient(managementPort).get("/actuator/prometheus");
		assertThat(scraped.status()).isEqualTo(200);
		assertThat(scraped.body()).contains("wanderframe_queue_depth");

		assertThat(new ApiClient(port).get("/actuator/prometheus").status()).isEqualTo(404);
		assertThat(ApiClient.signedUp(port).get("/actuator/prometheus").status()).isEqualTo(404);
	}

}
