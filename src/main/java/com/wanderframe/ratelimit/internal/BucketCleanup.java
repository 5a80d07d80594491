package com.wanderframe.ratelimit.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every ten minutes, on one instance: forget buckets that have refilled. */
@Configuration(proxyBeanMethods = false)
class BucketCleanup {

	@Bean
	RecurringTask<Void> rateLimitBucketCleanupTask(Buckets buckets) {
		return Tasks.recurring("rate-limit-bucket-cleanup", FixedDelay.of(Duration.ofMinutes(10)))
			.execute((instance, context) -> buckets.removeExpired());
	}

}
