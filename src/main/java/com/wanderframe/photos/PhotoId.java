package com.wanderframe.photos;

import java.util.Objects;
import java.util.UUID;

/** The id of a step-1 photo, so it cannot be passed where an image or generation id belongs. */
public record PhotoId(UUID value) {

	public PhotoId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
