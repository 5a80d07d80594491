package com.wanderframe.generation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a module that makes generations (imaging, video) plugs into the engine: its table, how to
 * read a row's inputs, and how to keep a finished output.
 */
public interface GenerationKind {

	/** {@code image} or {@code video}: the catalogue's kind, the rate-limit bucket, the job's prefix. */
	ModelKind kind();

	/** What is made, for messages: "picture", "video". */
	String noun();

	GenerationTable table();

	Timing timing();

	/**
	 * @throws GenerationFailedException when what it is made from is gone
	 */
	GenerationInputs inputs(GenerationRow row);

	/**
	 * Checks the output (a file that is not what it claims fails with
	 * {@link Failure.Reason#OUTPUT_INVALID}), stores it with whatever goes with it, then completes
	 * the row through {@link #table()}; if the row ended meanwhile, nothing stays stored.
	 * @throws IOException when our storage failed: the step is retried, nothing is refunded
	 */
	void complete(GenerationRow row, Path output) throws IOException;

}
