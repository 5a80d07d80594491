package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.UUID;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.ratelimit.GenerationRateLimit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generate use case: check everything that can be checked before money moves, take a rate
 * limit token, then charge, insert the row and schedule the start job in one transaction, so
 * there is never a charge without a job or a job without a charge.
 */
@Component
class GenerateVideo {

	private final VideoOptions options;

	private final SourceImages sourceImages;

	private final GenerationRateLimit rateLimit;

	private final Credits credits;

	private final VideoGenerations generations;

	private final VideoGenerators generators;

	private final VideoJobs jobs;

	private final TransactionTemplate transactions;

	private final GenerationMetrics metrics;

	GenerateVideo(VideoOptions options, SourceImages sourceImages, GenerationRateLimit rateLimit, Credits credits,
			VideoGenerations generations, VideoGenerators generators, VideoJobs jobs,
			TransactionTemplate transactions, GenerationMetrics metrics) {
		this.metrics = metrics;
		this.options = options;
		this.sourceImages = sourceImages;
		this.rateLimit = rateLimit;
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
		rateLimit.acquire("video", user.id());
		UUID id = UUID.randomUUID();
		return transactions.execute(status -> {
			int balance = credits.charge(user.id(), valid.cost(), id,
					"Video: " + valid.duration() + " s at " + valid.resolution().label());
			generations.insert(new VideoGeneration(id, user.id(), valid.imageId(), imageKey, valid.prompt(),
					valid.template() == null ? null : valid.template().slug(), valid.effectivePrompt(),
					generators.current().model(), null, valid.duration(), valid.resolution().label(), valid.cost(),
					VideoStatus.PENDING, 0, null, null, null, null, Instant.now(), Instant.now(), null, null));
			jobs.scheduleStart(id);
			metrics.started("video", generators.current().model());
			return new Accepted(id, VideoStatus.PENDING.value(), valid.cost(), balance);
		});
	}

}
