package com.wanderframe.video.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Schedules a generation's jobs; inside a transaction, they commit or roll back with it. */
@Component
class VideoJobs {

	private final SchedulerClient scheduler;

	private final VideoProperties properties;

	// Lazy: the scheduler is built from the task beans, whose work schedules jobs in turn.
	VideoJobs(@Lazy SchedulerClient scheduler, VideoProperties properties) {
		this.scheduler = scheduler;
		this.properties = properties;
	}

	void scheduleStart(UUID generation) {
		scheduler.scheduleIfNotExists(VideoTasks.START.instance(generation.toString()).scheduledTo(Instant.now()));
	}

	void schedulePoll(UUID generation, Duration after) {
		scheduler.scheduleIfNotExists(
				VideoTasks.POLL.instance(generation.toString()).data(0).scheduledTo(Instant.now().plus(after)));
	}

	void scheduleFinish(UUID generation, URI output) {
		scheduler.scheduleIfNotExists(
				VideoTasks.FINISH.instance(generation.toString()).data(output.toString()).scheduledTo(Instant.now()));
	}

	/**
	 * When to ask the provider again after {@code polls} answers that were not final: quickly at
	 * first, then backing off; only a slow reconciliation when webhooks bring the news.
	 */
	Duration nextPoll(int polls) {
		if (properties.webhookUrl() != null) {
			return properties.reconciliationPoll();
		}
		double factor = Math.pow(1.5, Math.min(polls, 20));
		Duration next = Duration.ofMillis((long) (properties.firstPoll().toMillis() * factor));
		return next.compareTo(properties.maxPollInterval()) > 0 ? properties.maxPollInterval() : next;
	}

}
