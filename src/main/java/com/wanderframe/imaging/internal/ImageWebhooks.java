package com.wanderframe.imaging.internal;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.wanderframe.replicate.PredictionUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A verified Replicate webhook about an image's prediction runs the image's job now instead of
 * at its next reconciliation poll. The job reads the prediction itself, so duplicate and
 * out-of-order deliveries change nothing.
 */
@Component
class ImageWebhooks {

	private static final Logger log = LoggerFactory.getLogger(ImageWebhooks.class);

	private final GeneratedImages images;

	private final SchedulerClient scheduler;

	ImageWebhooks(GeneratedImages images, SchedulerClient scheduler) {
		this.images = images;
		this.scheduler = scheduler;
	}

	@EventListener
	void on(PredictionUpdated update) {
		if (!KontextGenerator.MODEL.equals(update.prediction().model()) || !update.prediction().status().isTerminal()) {
			return;
		}
		images.unfinishedByPrediction(update.prediction().id()).ifPresent(id -> {
			try {
				scheduler.reschedule(TaskInstanceId.of(ImageJob.TASK, id.toString()), Instant.now());
			}
			catch (RuntimeException ex) {
				// Running right now (it will see the end itself) or already gone: nothing to hurry.
				log.debug("Could not hurry image {}: {}", id, ex.toString());
			}
		});
	}

}
