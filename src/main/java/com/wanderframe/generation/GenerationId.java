package com.wanderframe.generation;

import java.util.Objects;
import java.util.UUID;

/** The id of one generation (an image or a video), so it cannot be passed where a photo id belongs. */
public record GenerationId(UUID value) {

	public GenerationId {
		Objects.requireNonNull(value, "value");
	}

	public static GenerationId random() {
		return new GenerationId(UUID.randomUUID());
	}

	public static GenerationId of(String value) {
		return new GenerationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
