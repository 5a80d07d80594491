package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.video.internal.render.CameraMove;

/**
 * A generation as its owner sees it: app URLs for the media, never storage keys; the batch it is
 * a variant of and the video it continues, where it has them.
 * @param queueAhead while it waits for a render slot: how many generations wait ahead of it
 * @param seed the seed the model was given, where it takes one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VideoView(UUID id, UUID imageId, UUID endImageId, String prompt, String template, String model, int duration,
		String resolution, Boolean audio, Boolean promptOptimizer, String negativePrompt, String aspectRatio,
		String status, Integer queueAhead, int progress, String videoUrl, String downloadUrl, String posterUrl,
		Error error, int cost, Instant createdAt, Instant updatedAt, Instant startedAt, Instant completedAt,
		UUID batchId, UUID fromVideoId, CameraMove camera, Long seed) {

	record Error(String code, String message) {
	}

	static VideoView of(VideoGeneration generation) {
		return of(generation, null);
	}

	static VideoView of(VideoGeneration generation, Integer queueAhead) {
		boolean completed = generation.status() == GenerationStatus.COMPLETED;
		String base = "/api/video/" + generation.id();
		VideoGeneration.VideoRequest request = generation.request();
		return new VideoView(generation.id().value(), request.imageId(), request.endImageId(), request.prompt(),
				request.template(), request.model(), request.durationSeconds(), request.resolution(), request.audio(),
				request.promptOptimizer(), request.negativePrompt(), request.aspectRatio(), generation.status().value(),
				queueAhead, generation.progress(), completed ? base + "/video.mp4" : null,
				completed ? base + "/video.mp4?download=true" : null,
				completed && generation.posterKey() != null ? base + "/poster.jpg" : null,
				generation.errorCode() == null ? null : new Error(generation.errorCode(), generation.errorMessage()),
				generation.cost(), generation.createdAt(), generation.updatedAt(), generation.startedAt(),
				generation.completedAt(), request.batchId(), request.fromVideoId(), request.camera(),
				request.seed());
	}

	boolean isTerminal() {
		return GenerationStatus.of(status).isTerminal();
	}

}
