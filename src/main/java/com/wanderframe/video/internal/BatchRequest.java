package com.wanderframe.video.internal;

import java.util.List;
import java.util.UUID;

import com.wanderframe.video.internal.render.CameraMove;

/**
 * {@code POST /api/video/batch}: one image, 2 to {@value GenerateBatch#MAX_VARIANTS} variants,
 * each with the options of {@code POST /api/video/generate} but the image.
 */
record BatchRequest(UUID imageId, List<Variant> variants) {

	record Variant(String prompt, String template, Integer duration, String resolution, String model,
			UUID endImageId, Boolean promptOptimizer, Boolean audio, String negativePrompt, String aspectRatio,
			CameraMove camera) {

		GenerateVideoRequest of(UUID imageId) {
			return new GenerateVideoRequest(imageId, prompt, template, duration, resolution, model, endImageId,
					promptOptimizer, audio, negativePrompt, aspectRatio, null, camera);
		}

	}

}
