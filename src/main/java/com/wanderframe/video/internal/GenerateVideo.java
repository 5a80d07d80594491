package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.UUID;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.ratelimit.GenerationLimits;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generate use case: check everything that can be checked before money moves, pass the
 * generation limits, then charge, insert the row and schedule the start job in one transaction, so
 * there is never a charge without a job or a job without a charge.
 */
@Component
class GenerateVideo {

	private final VideoOptions options;

	private final SourceImages sourceImages;

	private final GenerationLimits limits;

	private final Credits credits;

	private final VideoGenerations generations;

	private final VideoGenerators generators;

	private final VideoJobs jobs;

	private final TransactionTemplate transactions;

	private final GenerationMetrics metrics;

	GenerateVideo(VideoOptions options, SourceImages sourceImages, GenerationLimits limits, Credits credits,
			VideoGenerations generations, VideoGenerators generators, VideoJobs jobs,
			TransactionTemplate transactions, GenerationMetrics metrics) {
		this.metrics = metrics;
		this.options = options;
		this.sourceImages = sourceImages;
		this.limits = limits;
		this.credits = credits;
		this.generations = generations;
		this.generators = generators;
		this.jobs = jobs;
		this.transactions = transactions;
	}

	record Accepted(UUID id, String status, int cost, int credits) {
	}

	Accepted generate(SignedInUser user, GenerateVideoRequest request) {
		VideoOptions.Validated valid = options.validate(request);
		String imageKey = sourceImages.require(valid.imageId());
		UUID id = UUID.randomUUID();
		VideoGenerator generator = generators.current();
		boolean hosted = generator instanceof HailuoVideoGenerator;
		return limits.admit(new GenerationLimits.Generation("video", user.id(), valid.cost(), hosted),
				() -> transactions.execute(status -> {
					int balance = credits.charge(user.id(), valid.cost(), id,
							"Video: " + valid.duration() + " s at " + valid.resolution().label());
					generations.insert(new VideoGeneration(id, user.id(), valid.imageId(), imageKey, valid.prompt(),
							valid.template() == null ? null : valid.template().slug(), valid.effectivePrompt(),
							generator.model(), null, valid.duration(), valid.resolution().label(), valid.cost(),
							VideoStatus.PENDING, 0, null, null, null, null, Instant.now(), Instant.now(), null, null));
					jobs.scheduleStart(id);
					metrics.started("video", generator.model());
					return new Accepted(id, VideoStatus.PENDING.value(), valid.cost(), balance);
				}));
	}

}
