package com.wanderframe.replicate;

import java.net.URI;
import java.util.List;

/**
 * The parts of a Replicate prediction we act on.
 * @param outputs the output file URLs: Replicate's {@code output} is one URI for some models and
 * an array for others; both arrive here as a list (empty when there is none or it was removed)
 * @param error Replicate's error text for a failed prediction, else {@code null}
 * @param progress 0–100 when Replicate's logs report it, else {@code null}
 */
public record Prediction(String id, String model, PredictionStatus status, List<URI> outputs, String error,
		Integer progress) {

	public Prediction {
		outputs = outputs == null ? List.of() : List.copyOf(outputs);
	}

}
