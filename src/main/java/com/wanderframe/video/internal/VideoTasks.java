package com.wanderframe.video.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background jobs of a generation, kept by db-scheduler in our PostgreSQL: they are
 * scheduled in the transaction that charges for the generation, survive restarts, and run on
 * exactly one of the instances. Each job's instance id is the generation's id, so a job cannot
 * be scheduled twice for one generation.
 */
@Configuration(proxyBeanMethods = false)
class VideoTasks {

	static final TaskDescriptor<Void> START = TaskDescriptor.of("video-start");

	/** Data: how many polls came before, for the backoff. */
	static final TaskDescriptor<Integer> POLL = TaskDescriptor.of("video-poll", Integer.class);

	/** Data: the provider's output URL to copy into our media store. */
	static final TaskDescriptor<String> FINISH = TaskDescriptor.of("video-finish", String.class);

	@Bean
	Task<Void> videoStartTask(VideoWork work) {
		return Tasks.oneTime(START).onFailure(retryWithBackoff()).execute((instance, context) -> work.start(UUID.fromString(instance.getId())));
	}

	@Bean
	Task<Integer> videoPollTask(VideoWork work) {
		return Tasks.custom(POLL).onFailure(retryWithBackoff()).execute((instance, context) -> {
			int polls = instance.getData() == null ? 0 : instance.getData();
			Instant next = work.poll(UUID.fromString(instance.getId()), polls);
			if (next == null) {
				return new CompletionHandler.OnCompleteRemove<>();
			}
			return (complete, operations) -> operations.reschedule(complete, next, polls + 1);
		});
	}

	@Bean
	Task<String> videoFinishTask(VideoWork work) {
		return Tasks.oneTime(FINISH)
			.onFailure(retryWithBackoff())
			.execute((instance, context) -> work.finish(UUID.fromString(instance.getId()), instance.getData()));
	}

	/**
	 * A step that threw (see {@link RetryLater}) runs again soon, then less often; the deadline
	 * sweeper ends a generation that never gets through.
	 */
	private static <T> FailureHandler<T> retryWithBackoff() {
		return new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0);
	}

	@Bean
	Task<Void> videoDeadlineSweepTask(VideoWork work, VideoProperties properties) {
		return Tasks.recurring("video-deadline-sweep", FixedDelay.of(properties.sweepInterval()))
			.execute((instance, context) -> work.sweep());
	}

}
