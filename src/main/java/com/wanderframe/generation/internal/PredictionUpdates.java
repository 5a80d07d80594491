package com.wanderframe.generation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.wanderframe.replicate.PredictionUpdated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A verified Replicate webhook feeds the same idempotent apply as a poll; a finished prediction
 * gets its finish job at once instead of at the next reconciliation poll.
 */
@Component
class PredictionUpdates {

	private final GenerationEngine engine;

	private final SchedulerClient scheduler;

	PredictionUpdates(GenerationEngine engine, SchedulerClient scheduler) {
		this.engine = engine;
		this.scheduler = scheduler;
	}

	@EventListener
	void on(PredictionUpdated update) {
		for (GenerationEngine.Scheduled next : engine.onUpdate(update.prediction())) {
			GenerationTasks.schedule(scheduler, next.kind(), next.id(), next.followup());
		}
	}

}
