package com.wanderframe.imaging;

import java.util.UUID;

import com.wanderframe.generation.GenerationStatus;

/**
 * A generated image. {@code mediaKey}, {@code width} and {@code height} are set only when
 * completed.
 */
public record ImageRef(ImageId id, UUID ownerId, GenerationStatus status, String location, String mediaKey,
		String contentType, int width, int height) {

	public boolean completed() {
		return status == GenerationStatus.COMPLETED;
	}

}
