package com.wanderframe.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;

import com.wanderframe.platform.RetryableApiException;
import com.wanderframe.ratelimit.internal.Buckets;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * New accounts per client address and per network, per hour, shared by every instance: each
 * account is worth its welcome credits, so a script must not mint them.
 */
@Component
public class SignUpThrottle {

	private final Buckets buckets;

	private final BucketConfiguration perAddress;

	private final BucketConfiguration perNetwork;

	SignUpThrottle(Buckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.perAddress = hourly(properties.signupsPerAddressPerHour());
		this.perNetwork = hourly(properties.signupsPerNetworkPerHour());
	}

	private static BucketConfiguration hourly(int perHour) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
			.build();
	}

	/**
	 * Counts one new account for {@code client}.
	 * @throws RetryableApiException 429 {@code too_many_signups} with {@code Retry-After}
	 */
	public void acquire(ClientAddress client) {
		BucketProxy address = buckets.bucket("signup:address:" + client.address(), () -> perAddress);
		BucketProxy network = buckets.bucket("signup:network:" + client.network(), () -> perNetwork);
		EstimationProbe addressProbe = address.estimateAbilityToConsume(1);
		EstimationProbe networkProbe = network.estimateAbilityToConsume(1);
		if (!addressProbe.canBeConsumed() || !networkProbe.canBeConsumed()) {
			Duration wait = Buckets.retryAfter(
					Math.max(addressProbe.getNanosToWaitForRefill(), networkProbe.getNanosToWaitForRefill()));
			throw new RetryableApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_signups",
					"Too many accounts were created from your network recently. Try again in "
							+ Waits.describe(wait) + ".",
					wait);
		}
		address.consumeIgnoringRateLimits(1);
		network.consumeIgnoringRateLimits(1);
	}

}
