package com.wanderframe.imaging.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

import com.wanderframe.location.Location;

/** Step 3's port: a person's photo in, a 16:9 JPEG of them at the location out. */
interface ImageGenerator {

	/** Recorded with every image, e.g. {@code local-compositor}. */
	String model();

	/**
	 * Writes the image to {@code target} as a JPEG.
	 * @throws ImageGenerationException with a reason a person can read, when it cannot be made
	 */
	GeneratedImage generate(ImageRequest request, Path target) throws IOException;

	/**
	 * @param predictionId the upstream job already started for this image by an earlier attempt,
	 * or {@code null}
	 * @param predictionStarted told the upstream job's id as soon as there is one
	 */
	record ImageRequest(UUID imageId, byte[] photo, String photoContentType, Location location, String predictionId,
			Consumer<String> predictionStarted) {
	}

	record GeneratedImage(int width, int height) {
	}

}
