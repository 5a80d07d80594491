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
 * Photo uploads one person may send, shared by every instance like the generation limits
 * (Bucket4j buckets in {@code rate_limit_buckets}, keyed {@code upload:<user>}): each upload
 * costs a decode and disk, so a script cannot fill either.
 */
@Component
public class UploadRateLimit {

	private final ProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	UploadRateLimit(DataSource dataSource, UploadRateLimitProperties properties) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
			.build();
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(properties.perMinute()).refillGreedy(properties.perMinute(),
					Duration.ofMinutes(1)))
			.addLimit(limit -> limit.capacity(properties.perHour()).refillGreedy(properties.perHour(),
					Duration.ofHours(1)))
			.build();
	}

	/** @throws RetryableApiException 429 {@code rate_limited} with {@code Retry-After} */
	public void acquire(UUID user) {
		ConsumptionProbe probe = buckets.getProxy("upload:" + user, () -> configuration).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
			throw new RetryableApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"You are uploading photos too quickly. Try again in " + seconds + " seconds.",
					Duration.ofSeconds(seconds));
		}
	}

}
