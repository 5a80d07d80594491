package com.wanderframe.observability.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets the traces jobs continue once their generations are long over: a generation ends within
 * its deadline (minutes), so a week keeps every trace a running job could still need.
 */
@Configuration(proxyBeanMethods = false)
class JobTraceCleanup {

	private static final Duration KEPT_FOR = Duration.ofDays(7);

	@Bean
	Task<Void> jobTraceCleanupTask(JdbcClient jdbc) {
		return Tasks.recurring("job-trace-cleanup", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> jdbc
				.sql("DELETE FROM job_trace_parents WHERE created_at < now() - make_interval(secs => ?)")
				.param(KEPT_FOR.toSeconds())
				.update());
	}

}
