package com.wanderframe.video.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.generation.Generations;
import com.wanderframe.generation.Model;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * The generate use case: check everything that can be checked before money moves (the model and
 * its options, the frames are the caller's and ready, a directed camera fits the image); then the
 * engine takes a rate-limit token and charges, inserts the row and schedules the start job in one
 * transaction. A video continued from another starts on that one's last frame, kept as the
 * person's own picture in the same transaction (and removed again if the generation is refused).
 */
@Component
class GenerateVideo {

	private final VideoOptions options;

	private final SourceImages sourceImages;

	private final VideoGenerations generations;

	private final Generations engine;

	private final Continuations continuations;

	GenerateVideo(VideoOptions options, SourceImages sourceImages, VideoGenerations generations, Generations engine,
			Continuations continuations) {
		this.options = options;
		this.sourceImages = sourceImages;
		this.generations = generations;
		this.engine = engine;
		this.continuations = continuations;
	}

	record Accepted(UUID id, String status, String model, int cost, int credits) {
	}

	/**
	 * A request that passed every check, ready to be paid for: the row to insert, its ledger line,
	 * and what must be written with it (a continuation's first frame) or undone if it is refused.
	 */
	record Prepared(VideoOptions.Validated valid, VideoGeneration.VideoRequest asked, String ledgerReason,
			Runnable withRow, Runnable ifRefused) {
	}

	Accepted generate(SignedInUser user, GenerateVideoRequest request) {
		Prepared prepared = prepare(request);
		try {
			Generations.Accepted accepted = engine.accept(ModelKind.VIDEO, prepared.valid().model(), user.id(),
					prepared.valid().cost(), prepared.ledgerReason(), id -> {
						prepared.withRow().run();
						generations.insert(VideoGeneration.pending(id, user.id(), prepared.asked(), prepared.valid().cost()));
					});
			return new Accepted(accepted.id().value(), "pending", prepared.valid().model().id(),
					prepared.valid().cost(), accepted.credits());
		}
		catch (RuntimeException ex) {
			prepared.ifRefused().run();
			throw ex;
		}
	}

	/**
	 * A new seed for every generation of a model that takes one, so "Regenerate" (the same settings
	 * again) makes a new video, not the same one. Positive and within 32 bits: the range every
	 * model's integer seed accepts.
	 */
	private static Long newSeed(Model model) {
		return model.seedInput() == null ? null : (long) ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
	}

	/** Checks one request; nothing is written (a continuation's frame is stored, not yet recorded). */
	Prepared prepare(GenerateVideoRequest request) {
		if (request.fromVideoId() != null && request.imageId() != null) {
			throw ApiException.badRequest("conflicting_first_frame",
					"Start from an image (imageId) or continue a video (fromVideoId), not both.");
		}
		VideoOptions.Validated valid = options.validate(request);
		if (request.camera() != null && !ModelCatalogue.LOCAL_MOTION.equals(valid.model().id())) {
			throw ApiException.badRequest("camera_not_supported",
					valid.model().name() + " moves its own camera; a camera path is for the Wanderframe camera motion.");
		}
		SourceImages.Source end = request.endImageId() == null ? null : sourceImages.source(request.endImageId());
		Continuations.Still still = null;
		SourceImages.Source first;
		if (request.fromVideoId() != null) {
			still = continuations.lastFrameOf(request.fromVideoId());
			first = still.source();
		}
		else {
			first = sourceImages.source(request.imageId());
		}
		try {
			if (request.camera() != null) {
				var problem = request.camera().problem(first.width(), first.height());
				if (problem.isPresent()) {
					throw ApiException.badRequest("invalid_camera", problem.get());
				}
			}
		}
		catch (RuntimeException ex) {
			if (still != null) {
				continuations.discard(still);
			}
			throw ex;
		}
		VideoGeneration.VideoRequest asked = new VideoGeneration.VideoRequest(first.id(), first.key(),
				end == null ? null : end.id(), end == null ? null : end.key(), valid.prompt(),
				valid.template() == null ? null : valid.template().slug(), valid.effectivePrompt(), valid.model().id(),
				valid.duration(), valid.resolution(), valid.promptOptimizer(), valid.audio(), valid.negativePrompt(),
				valid.aspectRatio(), null, null, request.fromVideoId(), newSeed(valid.model()), request.camera());
		String reason = "Video: " + valid.model().name() + ", " + valid.duration() + " s at " + valid.resolution()
				+ (Boolean.TRUE.equals(valid.audio()) ? " with sound" : "");
		Continuations.Still kept = still;
		return new Prepared(valid, asked, reason, kept == null ? () -> {
		} : () -> continuations.record(kept), kept == null ? () -> {
		} : () -> continuations.discard(kept));
	}

}
