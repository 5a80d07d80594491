package com.wanderframe.ratelimit.internal;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.stereotype.Component;

/**
 * Every token bucket of the app, one per key, in the {@code rate_limit_buckets} table. Each
 * update runs under {@code SELECT ... FOR UPDATE} on a connection of its own (not the request's
 * transaction, and as the login role), so every instance sees the same count. A bucket's row
 * expires once it would have refilled; a recurring job deletes expired rows so that keys an
 * attacker invents (addresses, emails) do not pile up.
 */
@Component
public class Buckets {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

	Buckets(DataSource dataSource) {
		this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
			.build();
	}

	public BucketProxy bucket(String key, Supplier<BucketConfiguration> configuration) {
		return proxies.getProxy(key, configuration);
	}

	/** Deletes rows of buckets that have refilled, in bounded batches. */
	void removeExpired() {
		for (int batch = 0; batch < 100 && proxies.removeExpired(1000) > 0; batch++) {
			// each batch is its own short transaction: the table is never held for long
		}
	}

	/** Seconds to tell a client in {@code Retry-After}: at least one, rounded up. */
	public static Duration retryAfter(long nanos) {
		return Duration.ofSeconds(Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1));
	}

}
