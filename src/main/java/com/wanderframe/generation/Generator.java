package com.wanderframe.generation;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import com.wanderframe.replicate.Prediction;

/**
 * The port every model plugs into, local or hosted, covering the whole lifecycle: the engine's
 * jobs call only this. Every method may run again after a crash, so each must tolerate a
 * generation it already saw. A generator fails a generation by returning {@link Step.Failed} or
 * throwing {@link GenerationFailedException}; it never touches money or rows itself.
 */
public interface Generator {

	/** The catalogue id this generator serves, e.g. {@code minimax/hailuo-02} or {@code local/motion}. */
	String model();

	/**
	 * Whether {@link #start} first waits for capacity on this instance (a local render slot). The
	 * generation then stays {@code pending}, queued, until the generator reports its first
	 * progress: only then is it {@code processing}.
	 */
	default boolean queuesForCapacity() {
		return false;
	}

	/**
	 * Starts the work: a local generator makes the output now ({@link Step.Produced}), a hosted
	 * one creates its job upstream ({@link Step.Started}).
	 */
	Step start(GenerationJob job) throws IOException;

	/** Applies an update about the upstream job, however it arrived (webhook or poll), first time or again. */
	default Step apply(GenerationRow row, Prediction update) {
		return new Step.Running(null);
	}

	/** Asks upstream how the job is doing. */
	default Step poll(GenerationRow row) {
		return new Step.Running(null);
	}

	/** Copies a finished output into {@code target} (Replicate deletes outputs after an hour). */
	default void fetch(GenerationRow row, URI output, Path target) throws IOException {
		throw new UnsupportedOperationException(model() + " has no outputs to fetch");
	}

	/** Stops the upstream job, best effort. */
	default void cancel(GenerationRow row) {
	}

	/** Where a generation stands after a step. */
	sealed interface Step permits Step.Started, Step.Running, Step.Produced, Step.Succeeded, Step.Failed {

		/** Upstream took the job under this id. */
		record Started(String predictionId) implements Step {
		}

		/** Still working; {@code progress} 0–100 when known. */
		record Running(Integer progress) implements Step {
		}

		/** The output is ready in this local file. */
		record Produced(Path file) implements Step {
		}

		/** Upstream finished: its outputs, still to be copied into our store. */
		record Succeeded(List<URI> outputs) implements Step {
		}

		record Failed(Failure.Reason reason, String detail) implements Step {
		}

	}

}
