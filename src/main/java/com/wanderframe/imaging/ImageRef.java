package com.wanderframe.imaging;

import java.util.UUID;

/**
 * A generated image. {@code status} is {@code pending|processing|completed|failed};
 * {@code mediaKey}, {@code width} and {@code height} are set only when completed.
 */
public record ImageRef(UUID id, UUID ownerId, String status, String location, String mediaKey, String contentType,
		int width, int height) {

	public boolean completed() {
		return "completed".equals(status);
	}

}
