package com.wanderframe.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MoneyUnderConcurrency} on Replicate's minimax/hailuo-02 (the fake): predictions succeed
 * or fail as a random script says, a third of them failing, and some polls meet a 502 on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplicateMoneyUnderConcurrencyTests extends MoneyUnderConcurrency {

	static final FakeReplicate replicate = FakeReplicate.shared();

	/** What the n-th prediction created does: true to fail. */
	private final List<Boolean> failing = new ArrayList<>();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		ReplicateVideoProperties.register(registry, "local");
		registry.add("wanderframe.video.first-poll", () -> "100ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "400ms");
		registry.add("wanderframe.rate-limit.generations-per-minute", () -> "1000");
		registry.add("wanderframe.rate-limit.generations-per-hour", () -> "1000");
	}

	@BeforeEach
	void script() {
		replicate.reset();
		Random random = new Random(16);
		List<Scenario> scenarios = new ArrayList<>();
		for (int i = 0; i < PEOPLE * REQUESTS_EACH; i++) {
			boolean fail = random.nextInt(3) == 0;
			failing.add(fail);
			scenarios.add(fail ? Scenario.fails("The model could not make this video.")
					: Scenario.succeedsAfterPolls(1 + random.nextInt(3), TestVideos.mp4(), "video/mp4"));
		}
		replicate.onModel("minimax/hailuo-02")
			.respondWith(scenarios.get(0), scenarios.subList(1, scenarios.size()).toArray(Scenario[]::new));
		replicate.failNextGets(5, 502);
	}

	@Override
	int balanceOf(int index) {
		return new int[] { 0, 2, 3, 7, 9, 14 }[index % 6];
	}

	@Override
	String prompt(int person, int request) {
		return "gentle camera pan to the right";
	}

	@Override
	boolean mustFail(String id, String prompt) {
		String prediction = jdbc.sql("SELECT provider_prediction_id FROM video_generations WHERE id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
		List<FakeReplicate.CreateRequest> created = replicate.createdPredictions();
		for (int i = 0; i < created.size(); i++) {
			if (created.get(i).id().equals(prediction)) {
				return failing.get(i);
			}
		}
		throw new AssertionError("Generation " + id + " has no prediction the fake created: " + prediction);
	}

}
