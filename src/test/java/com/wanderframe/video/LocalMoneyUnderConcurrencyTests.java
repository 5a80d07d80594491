package com.wanderframe.video;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link MoneyUnderConcurrency} with the local renderer: every third request (at random) carries
 * the test's failure phrase ({@code wanderframe.video.local-failure-phrase}), which makes the
 * local generator fail the generation. Balances are small (at most two videos each) so that the
 * renders stay few.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"wanderframe.rate-limit.generations-per-minute=1000", "wanderframe.rate-limit.generations-per-hour=1000",
		"wanderframe.models.default-video=local", "wanderframe.models.default-image=local" })
class LocalMoneyUnderConcurrencyTests extends MoneyUnderConcurrency {

	private static final String FAILURE_PHRASE = "[[fail]]";

	private final java.util.Random random = new java.util.Random(9);

	@Override
	int balanceOf(int index) {
		return new int[] { 0, 1, 3, 5, 6 }[index % 5];
	}

	@Override
	synchronized String prompt(int person, int request) {
		return random.nextInt(3) == 0 ? "slow push in " + FAILURE_PHRASE : "slow push in";
	}

	@Override
	boolean mustFail(String id, String prompt) {
		return prompt.contains(FAILURE_PHRASE);
	}

}
