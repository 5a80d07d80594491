package com.wanderframe.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import com.wanderframe.platform.RetryableApiException;
import com.wanderframe.ratelimit.internal.Buckets;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes one token from the person's bucket for a kind of generation, or refuses with 429 and
 * how long to wait. Shared by every instance (see {@link Buckets}).
 */
@Component
public class GenerationRateLimit {

	private final Buckets buckets;

	private final BucketConfiguration configuration;

	GenerationRateLimit(Buckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(properties.generationsPerMinute())
				.refillGreedy(properties.generationsPerMinute(), Duration.ofMinutes(1)))
			.addLimit(limit -> limit.capacity(properties.generationsPerHour())
				.refillGreedy(properties.generationsPerHour(), Duration.ofHours(1)))
			.build();
	}

	/**
	 * @param kind what is generated ({@code "video"}, {@code "image"}); each has its own bucket
	 * @throws RetryableApiException 429 {@code rate_limited} with {@code Retry-After}
	 */
	public void acquire(String kind, UUID user) {
		ConsumptionProbe probe = buckets.bucket(kind + ":" + user, () -> configuration).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			Duration wait = Buckets.retryAfter(probe.getNanosToWaitForRefill());
			throw new RetryableApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"You are starting generations too quickly. Try again in " + wait.toSeconds() + " seconds.", wait);
		}
	}

}
