package com.wanderframe.generation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * One start of a generation, as a generator sees it.
 * @param noun what is made, for messages ("picture", "video")
 * @param workDir a scratch directory the engine removes afterwards; a produced file goes here
 * @param progress told 0–100 as a local generator works
 * @param deadline how long it may take from now on; an upstream job may be told to stop by then
 */
public record GenerationJob(GenerationRow row, GenerationInputs inputs, String noun, Path workDir,
		IntConsumer progress, Duration deadline) {

	public GenerationId id() {
		return row.id();
	}

}
