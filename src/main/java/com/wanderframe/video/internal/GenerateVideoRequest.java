package com.wanderframe.video.internal;

import java.util.UUID;

import com.wanderframe.video.internal.render.CameraMove;

/**
 * {@code POST /api/video/generate}. Only the first frame ({@code imageId}, or {@code fromVideoId}
 * to continue a finished video from its last frame) and a prompt or template are required; the
 * rest defaults to the model's defaults, and options the model does not have are refused.
 * {@code camera} directs the local renderer's camera over the image.
 */
record GenerateVideoRequest(UUID imageId, String prompt, String template, Integer duration, String resolution,
		String model, UUID endImageId, Boolean promptOptimizer, Boolean audio, String negativePrompt,
		String aspectRatio, UUID fromVideoId, CameraMove camera) {
}
