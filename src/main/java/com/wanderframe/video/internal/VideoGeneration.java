package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code video_generations}. {@code imageKey} is the media key of the first frame;
 * {@code videoKey} and {@code posterKey} of our stored copies (never a provider's URL).
 */
record VideoGeneration(UUID id, UUID userId, UUID imageId, String imageKey, String prompt, String template,
		String effectivePrompt, String model, String predictionId, int durationSeconds, String resolution, int cost,
		VideoStatus status, int progress, String videoKey, String posterKey, String errorCode, String errorMessage,
		Instant createdAt, Instant updatedAt, Instant startedAt, Instant completedAt) {

	Resolution resolutionValue() {
		return Resolution.of(resolution).orElseThrow();
	}

}
