package com.wanderframe.photos.internal;

import java.time.Duration;

import com.wanderframe.platform.RetryableApiException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The decode memory shared out by bytes: photos that together need more than the budget do not
 * decode at once (the heap would run out), and a refused upload is told when to come back.
 */
class DecodeBudgetTests {

	private static final int KIB = 1024;

	private final DecodeBudget budget = new DecodeBudget(10 * KIB, Duration.ofMillis(50));

	@Test
	void photosThatFitTheBudgetTogetherDecodeTogetherAndTheNextWaitsItsTurn() {
		DecodeBudget.Lease big = budget.reserve(6 * KIB);
		DecodeBudget.Lease small = budget.reserve(4 * KIB);

		RetryableApiException busy = catchThrowableOfType(RetryableApiException.class, () -> budget.reserve(1));

		assertThat(busy.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(busy.code()).isEqualTo("busy_try_again");
		assertThat(busy.retryAfter()).isEqualTo(DecodeBudget.RETRY_AFTER);
		small.close();
		assertThatCode(() -> budget.reserve(4 * KIB).close()).as("the share came back when the photo was done")
			.doesNotThrowAnyException();
		big.close();
	}

	@Test
	void aShareIsRoundedUpSoThatTwoPhotosJustOverHalfDoNotOverrunTheBudget() {
		DecodeBudget.Lease first = budget.reserve(5 * KIB + 1);

		assertThat(catchThrowableOfType(RetryableApiException.class, () -> budget.reserve(5 * KIB + 1))).isNotNull();
		first.close();
	}

	@Test
	void aPhotoLargerThanTheWholeBudgetStillDecodesAloneButNotBesideAnother() {
		DecodeBudget.Lease huge = budget.reserve(500 * KIB);

		assertThat(catchThrowableOfType(RetryableApiException.class, () -> budget.reserve(KIB))).isNotNull();
		huge.close();
		assertThatCode(() -> budget.reserve(10 * KIB).close()).doesNotThrowAnyException();
	}

	@Test
	void anUploadInterruptedWhileWaitingGivesUpAndLeavesTheInterruptForTheServer() {
		DecodeBudget.Lease all = budget.reserve(10 * KIB);
		Thread.currentThread().interrupt();
		try {
			RetryableApiException busy = catchThrowableOfType(RetryableApiException.class, () -> budget.reserve(1));

			assertThat(busy.code()).isEqualTo("busy_try_again");
			// A server shutting down interrupts its request threads; the flag tells the rest of the request.
			assertThat(Thread.currentThread().isInterrupted()).as("still interrupted").isTrue();
		}
		finally {
			Thread.interrupted();
			all.close();
		}
	}

	@Test
	void aDecodeTakesAShareEvenWhenItsSizeIsUnknownOrZero() {
		DecodeBudget tiny = new DecodeBudget(KIB, Duration.ofMillis(50));
		DecodeBudget.Lease zero = tiny.reserve(0);

		assertThat(catchThrowableOfType(RetryableApiException.class, () -> tiny.reserve(1))).isNotNull();
		zero.close();
	}

}
