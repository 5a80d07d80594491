package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.UUID;

import com.wanderframe.generation.GenerationId;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.video.internal.render.CameraMove;

/**
 * A row of {@code video_generations}: what was asked for, and where it stands. {@code videoKey}
 * and {@code posterKey} are our stored copies (never a provider's URL).
 */
record VideoGeneration(GenerationId id, UUID userId, VideoRequest request, int cost, GenerationStatus status,
		int progress, String predictionId, String videoKey, String posterKey, String errorCode, String errorMessage,
		Instant createdAt, Instant updatedAt, Instant startedAt, Instant completedAt) {

	/** A new generation, paid for and waiting for its start job. */
	static VideoGeneration pending(GenerationId id, UUID userId, VideoRequest request, int cost) {
		Instant now = Instant.now();
		return new VideoGeneration(id, userId, request, cost, GenerationStatus.PENDING, 0, null, null, null, null,
				null, now, now, null, null);
	}

	/**
	 * What a person asked for, checked.
	 * @param imageId, imageKey the first frame: the id the person gave and its media key
	 * @param endImageId, endImageKey the end frame, or {@code null}
	 * @param effectivePrompt what the model is told: the template's camera language, then the person's words
	 * @param promptOptimizer, audio, negativePrompt, aspectRatio {@code null} where the model has none
	 * @param batchId, batchPosition the batch it is a variant of and where in it, or {@code null}
	 * @param fromVideoId the video it continues (its first frame is that one's last), or {@code null}
	 * @param seed the model's seed, where the model takes one (a new one each time), else {@code null}
	 * @param camera the camera the person directed on the image (local renderer), or {@code null}
	 */
	record VideoRequest(UUID imageId, String imageKey, UUID endImageId, String endImageKey, String prompt,
			String template, String effectivePrompt, String model, int durationSeconds, String resolution,
			Boolean promptOptimizer, Boolean audio, String negativePrompt, String aspectRatio, UUID batchId,
			Integer batchPosition, UUID fromVideoId, Long seed, CameraMove camera) {

		VideoRequest inBatch(UUID batch, int position) {
			return new VideoRequest(imageId, imageKey, endImageId, endImageKey, prompt, template, effectivePrompt,
					model, durationSeconds, resolution, promptOptimizer, audio, negativePrompt, aspectRatio, batch,
					position, fromVideoId, seed, camera);
		}

		/** The short side in pixels: {@code 768p} is 768. */
		int shortSide() {
			return Integer.parseInt(resolution.substring(0, resolution.length() - 1));
		}

	}

}
