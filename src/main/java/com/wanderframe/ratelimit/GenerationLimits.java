package com.wanderframe.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;

import com.wanderframe.media.StorageQuota;
import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.RetryableApiException;
import com.wanderframe.ratelimit.internal.Buckets;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a generation must pass before it is paid for, in one call that wraps the charge:
 * the person's rate limit and, for a hosted model, the deployment's hourly spending ceiling
 * (token buckets), then, in the charge's transaction, room in the person's storage quota (its
 * output will be stored) and their unfinished generations (images and videos together). A
 * refusal charges nothing; a refusal or charge that fails after the ceiling was passed (too few
 * credits) gives its share of the ceiling back.
 */
@Component
public class GenerationLimits {

	/** One bucket for the whole deployment, in credits. */
	private static final String HOSTED_CEILING = "hosted-credits";

	private final Buckets buckets;

	private final GenerationRateLimit rateLimit;

	private final List<UnfinishedGenerations> unfinished;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RateLimitProperties properties;

	private final BucketConfiguration ceiling;

	private final StorageQuota storageQuota;

	GenerationLimits(Buckets buckets, GenerationRateLimit rateLimit, List<UnfinishedGenerations> unfinished,
			JdbcClient jdbc, TransactionTemplate transactions, RateLimitProperties properties,
			StorageQuota storageQuota) {
		this.storageQuota = storageQuota;
		this.buckets = buckets;
		this.rateLimit = rateLimit;
		this.unfinished = unfinished;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.ceiling = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(properties.hostedCreditsPerHour())
				.refillGreedy(properties.hostedCreditsPerHour(), Duration.ofHours(1)))
			.build();
	}

	/**
	 * @param generation what is asked for
	 * @param chargeAndRecord charges, inserts the row and schedules its job; runs in the same
	 * transaction as the count of unfinished generations, so two requests at once cannot both
	 * pass it
	 * @throws ApiException 403 {@code storage_quota_exceeded}, 429 {@code rate_limited}, 429
	 * {@code too_many_unfinished_generations}, 503 {@code capacity_exhausted}; nothing is charged
	 */
	public <T> T admit(Generation generation, Supplier<T> chargeAndRecord) {
		// The buckets are passed before the transaction opens, never inside it: Bucket4j takes a
		// connection of its own for its row lock, and a request that held one connection while
		// waiting for a second deadlocked the pool once as many requests came at once as it has
		// connections (found by the benchmark: every generate request then failed after the pool's
		// 30 s timeout).
		rateLimit.acquire(generation.kind(), generation.user());
		boolean reserved = false;
		try {
			if (generation.hosted() && generation.credits() > 0) {
				reserveHostedCapacity(generation.credits());
				reserved = true;
			}
			return transactions.execute(status -> {
				storageQuota.requireRoom(generation.user(), 0, "a new " + noun(generation.kind()));
				requireFewerUnfinished(generation.user());
				return chargeAndRecord.get();
			});
		}
		catch (RuntimeException ex) {
			if (reserved) {
				hostedCeiling().addTokens(generation.credits());
			}
			throw ex;
		}
	}

	private static String noun(String kind) {
		return "image".equals(kind) ? "picture" : kind;
	}

	private void requireFewerUnfinished(UUID user) {
		// Serializes one person's generate requests until their transaction ends, so the count
		// and the insert that follows cannot interleave with another request of theirs.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('unfinished-generations:' || ?, 0))")
			.param(user.toString())
			.query(Object.class)
			.single();
		int count = unfinished.stream().mapToInt(kind -> kind.unfinishedOf(user)).sum();
		if (count >= properties.maxUnfinishedGenerations()) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_unfinished_generations",
					"You have " + count + " generations still running. Start another when one of them has finished.");
		}
	}

	private void reserveHostedCapacity(int credits) {
		ConsumptionProbe probe = hostedCeiling().tryConsumeAndReturnRemaining(credits);
		if (!probe.isConsumed()) {
			Duration wait = Buckets.retryAfter(probe.getNanosToWaitForRefill());
			throw new RetryableApiException(HttpStatus.SERVICE_UNAVAILABLE, "capacity_exhausted",
					"The studio is at capacity right now. Nothing was charged; try again in " + Waits.describe(wait)
							+ ".",
					wait);
		}
	}

	private BucketProxy hostedCeiling() {
		return buckets.bucket(HOSTED_CEILING, () -> ceiling);
	}

	/**
	 * @param kind {@code "image"} or {@code "video"}: each has its own rate limit
	 * @param credits what it will be charged
	 * @param hosted whether a hosted model (Replicate) makes it, which the ceiling counts
	 */
	public record Generation(String kind, UUID user, int credits, boolean hosted) {
	}

}
