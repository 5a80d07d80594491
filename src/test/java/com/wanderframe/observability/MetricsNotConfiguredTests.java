package com.wanderframe.observability;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import com.wanderframe.ApiClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The default: no token and no management port, so there are no metrics to see, signed in or not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsNotConfiguredTests {

	@LocalServerPort
	int port;

	@Test
	void metricsAreNotServedAtAll() {
		ApiClient anyone = new ApiClient(port);
		assertThat(anyone.get("/actuator/prometheus").status()).isEqualTo(404);
		assertThat(anyone.send(HttpRequest.newBuilder(URI.create(anyone.baseUrl() + "/actuator/prometheus"))
			.header("Authorization", "Bearer ")
			.GET()).status()).isEqualTo(404);
		assertThat(ApiClient.signedUp(port).get("/actuator/prometheus").status()).isEqualTo(404);
		assertThat(anyone.get("/actuator/health").status()).isEqualTo(200);
	}

}
