package com.wanderframe.photos.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.wanderframe.platform.RetryableApiException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The heap that photo decoding may use at once, shared out by bytes rather than by decodes: one
 * 40-megapixel photo needs as much as forty small ones. A decode that cannot get its share in
 * time is refused with 503 and {@code Retry-After} instead of holding its request thread.
 */
@Component
class DecodeBudget {

	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final int KIB = 1024;

	private final int totalKib;

	private final Duration wait;

	// Counted in KiB so that a budget of gigabytes fits a Semaphore's int permits.
	private final Semaphore kibibytes;

	@Autowired
	DecodeBudget(PhotoProperties properties) {
		this(properties.decodeMemory().toBytes(), properties.decodeWait());
	}

	DecodeBudget(long bytes, Duration wait) {
		this.totalKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / KIB));
		this.wait = wait;
		this.kibibytes = new Semaphore(totalKib, true);
	}

	/**
	 * Reserves {@code bytes} (all of the budget at most, so that a photo larger than the whole
	 * budget still decodes, alone) until the returned lease is closed.
	 * @throws RetryableApiException 503 {@code busy_try_again} when the share is not free in time
	 */
	Lease reserve(long bytes) {
		long kib = bytes / KIB + (bytes % KIB == 0 ? 0 : 1);
		int permits = (int) Math.max(1, Math.min(totalKib, kib));
		boolean acquired;
		try {
			acquired = kibibytes.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new RetryableApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy_try_again",
					"We are busy with other photos right now. Try again in a few seconds.", RETRY_AFTER);
		}
		return () -> kibibytes.release(permits);
	}

	interface Lease extends AutoCloseable {

		@Override
		void close();

	}

}
