package com.wanderframe.imaging.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import com.wanderframe.location.Location;

/**
 * Step 3's port: a person's photo in, a 16:9 JPEG of them at the location out. A generator
 * that waits on someone else (Replicate) answers {@link StillRunning} instead of holding the
 * job's thread; the job then asks again later with the same request.
 */
interface ImageGenerator {

	/** Recorded with every image, e.g. {@code local-compositor}. */
	String model();

	/**
	 * Writes the image to {@code target} as a JPEG, or says when to ask again.
	 * @throws ImageGenerationException with a reason a person can read, when it cannot be made
	 */
	Outcome generate(ImageRequest request, Path target) throws IOException;

	/**
	 * @param predictionId the upstream job already started for this image by an earlier run, or
	 * {@code null}
	 * @param startedAt when work on this image began, for deadlines
	 * @param predictionStarted told the upstream job's id as soon as there is one
	 */
	record ImageRequest(UUID imageId, Photo photo, Location location, String predictionId, Instant startedAt,
			Consumer<String> predictionStarted) {
	}

	/** The person's photo, read only by the run that needs its bytes. */
	interface Photo {

		String contentType();

		byte[] bytes() throws IOException;

		static Photo of(byte[] bytes, String contentType) {
			return new Photo() {

				@Override
				public String contentType() {
					return contentType;
				}

				@Override
				public byte[] bytes() {
					return bytes;
				}

			};
		}

	}

	sealed interface Outcome permits GeneratedImage, StillRunning {
	}

	record GeneratedImage(int width, int height) implements Outcome {
	}

	record StillRunning(Duration checkAgainIn) implements Outcome {
	}

}
