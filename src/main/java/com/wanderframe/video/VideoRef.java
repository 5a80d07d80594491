package com.wanderframe.video;

import java.time.Instant;
import java.util.UUID;

import com.wanderframe.generation.GenerationStatus;

/**
 * A video as other modules (sharing, exports) see it. {@code videoKey} and {@code posterKey} are
 * media-store keys, set only once it is completed; never hand them to a browser.
 */
public record VideoRef(UUID id, UUID ownerId, GenerationStatus status, String model, int durationSeconds,
		String videoKey, String posterKey, Instant createdAt) {

	public boolean completed() {
		return status == GenerationStatus.COMPLETED && videoKey != null;
	}

}
