package com.wanderframe.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.wanderframe.ApiClient;
import com.wanderframe.ApiClient.Response;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More people press "Generate" at the same moment than the instance has database connections.
 * Each request must be answered, not left waiting on a connection that another waiting request
 * holds: passing the rate limit takes a connection of its own, so it must not be taken while the
 * request's transaction holds one (that deadlocked the pool until its timeout, then failed them all).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=2",
				"spring.datasource.hikari.connection-timeout=10000" })
class GenerateRequestsAtOnceTests {

	static final int PEOPLE = 6;

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-image", () -> "replicate");
	}

	@LocalServerPort
	int port;

	@Test
	void everyoneWhoPressesGenerateAtOnceIsAnsweredAndChargedOnce() throws Exception {
		replicate.onModel("black-forest-labs/flux-kontext-pro").respondWith(Scenario.neverFinishes());
		List<ApiClient> clients = new ArrayList<>();
		List<Studio> people = new ArrayList<>();
		List<String> photos = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			ApiClient client = ApiClient.signedUp(port);
			Studio person = new Studio(client);
			photos.add(person.uploadSelfie());
			clients.add(client);
			people.add(person);
		}
		int before = people.get(0).credits();

		CyclicBarrier together = new CyclicBarrier(PEOPLE);
		ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
		List<Future<Response>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < PEOPLE; i++) {
				ApiClient client = clients.get(i);
				String photo = photos.get(i);
				answers.add(pool.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return client.post("/api/images", "{\"photoId\":\"" + photo + "\",\"location\":\"iceland-aurora\"}");
				}));
			}
			for (int i = 0; i < PEOPLE; i++) {
				Response answer = answers.get(i).get(2, TimeUnit.MINUTES);
				assertThat(answer.status()).as("person %d's answer: %s", i, answer.body()).isEqualTo(202);
				int cost = answer.json().path("cost").asInt();
				assertThat(cost).isPositive();
				assertThat(people.get(i).credits()).isEqualTo(before - cost);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
