package com.wanderframe.video.internal;

import java.util.UUID;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.generation.Generations;
import com.wanderframe.generation.ModelKind;

import org.springframework.stereotype.Component;

/**
 * The generate use case: check everything that can be checked before money moves (the model and
 * its options, the frames are the caller's and ready); then the engine takes a rate-limit token
 * and charges, inserts the row and schedules the start job in one transaction.
 */
@Component
class GenerateVideo {

	private final VideoOptions options;

	private final SourceImages sourceImages;

	private final VideoGenerations generations;

	private final Generations engine;

	GenerateVideo(VideoOptions options, SourceImages sourceImages, VideoGenerations generations, Generations engine) {
		this.options = options;
		this.sourceImages = sourceImages;
		this.generations = generations;
		this.engine = engine;
	}

	record Accepted(UUID id, String status, String model, int cost, int credits) {
	}

	Accepted generate(SignedInUser user, GenerateVideoRequest request) {
		VideoOptions.Validated valid = options.validate(request);
		String imageKey = sourceImages.require(request.imageId());
		String endImageKey = request.endImageId() == null ? null : sourceImages.require(request.endImageId());
		VideoGeneration.VideoRequest asked = new VideoGeneration.VideoRequest(request.imageId(), imageKey,
				request.endImageId(), endImageKey, valid.prompt(),
				valid.template() == null ? null : valid.template().slug(), valid.effectivePrompt(), valid.model().id(),
				valid.duration(), valid.resolution(), valid.promptOptimizer(), valid.audio(), valid.negativePrompt(),
				valid.aspectRatio());
		Generations.Accepted accepted = engine.accept(ModelKind.VIDEO, valid.model(), user.id(), valid.cost(),
				"Video: " + valid.model().name() + ", " + valid.duration() + " s at " + valid.resolution()
						+ (Boolean.TRUE.equals(valid.audio()) ? " with sound" : ""),
				id -> generations.insert(VideoGeneration.pending(id, user.id(), asked, valid.cost())));
		return new Accepted(accepted.id().value(), "pending", valid.model().id(), valid.cost(), accepted.credits());
	}

}
