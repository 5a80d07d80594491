package com.wanderframe.imaging;

import java.util.Objects;
import java.util.UUID;

/** The id of a step-3 image, so it cannot be passed where a photo id belongs. */
public record ImageId(UUID value) {

	public ImageId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
