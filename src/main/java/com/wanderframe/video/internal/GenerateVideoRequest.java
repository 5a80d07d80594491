package com.wanderframe.video.internal;

import java.util.UUID;

/**
 * {@code POST /api/video/generate}. Only {@code imageId} and a prompt or template are required;
 * the rest defaults to the model's defaults, and options the model does not have are refused.
 */
record GenerateVideoRequest(UUID imageId, String prompt, String template, Integer duration, String resolution,
		String model, UUID endImageId, Boolean promptOptimizer, Boolean audio, String negativePrompt,
		String aspectRatio) {
}
