package com.wanderframe.ratelimit;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import com.wanderframe.platform.RetryableApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes one token from the person's bucket for a kind of generation, or refuses with 429 and
 * how long to wait. Buckets live in the {@code rate_limit_buckets} table and are updated under
 * {@code SELECT ... FOR UPDATE}, so every instance sees the same count.
 */
@Component
public class GenerationRateLimit {

	private final ProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	GenerationRateLimit(DataSource dataSource, RateLimitProperties properties) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
			.build();
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
		ConsumptionProbe probe = buckets.getProxy(kind + ":" + user, () -> configuration).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
			throw new RetryableApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"You are starting generations too quickly. Try again in " + seconds + " seconds.",
					Duration.ofSeconds(seconds));
		}
	}

}
