package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** What the background jobs do; each step finds the generation anew and skips it once terminal. */
@Component
class VideoWork {

	private static final Logger log = LoggerFactory.getLogger(VideoWork.class);

	private final VideoGenerations generations;

	private final VideoGenerators generators;

	private final HailuoVideoGenerator hailuo;

	private final VideoLifecycle lifecycle;

	private final VideoProperties properties;

	VideoWork(VideoGenerations generations, VideoGenerators generators, HailuoVideoGenerator hailuo,
			VideoLifecycle lifecycle, VideoProperties properties) {
		this.generations = generations;
		this.generators = generators;
		this.hailuo = hailuo;
		this.lifecycle = lifecycle;
		this.properties = properties;
	}

	void start(UUID id) {
		generations.findUnfinished(id)
			.ifPresent(generation -> generators.forModel(generation.model()).start(generation));
	}

	/** @return when to poll again, or null when there is nothing more to poll for */
	Instant poll(UUID id, int polls) {
		return generations.findUnfinished(id).map(generation -> hailuo.poll(generation, polls)).orElse(null);
	}

	void finish(UUID id, String output) {
		generations.findUnfinished(id).ifPresent(generation -> hailuo.finish(generation, output));
	}

	/** Fails (and refunds) what outlived the deadline, cancelling it upstream. */
	void sweep() {
		Instant cutoff = Instant.now().minus(properties.deadline());
		for (VideoGeneration generation : generations.unfinishedCreatedBefore(cutoff)) {
			// Refund first: cancelling upstream is best effort and must not hold the refund up.
			if (lifecycle.fail(generation.id(), "timed_out",
					"This video took too long to generate, so we stopped it. Your credits have been refunded.")) {
				log.warn("Generation {} passed its deadline of {}", generation.id(), properties.deadline());
			}
			if (generation.predictionId() != null) {
				hailuo.cancelQuietly(generation);
			}
		}
	}

}
