package com.wanderframe.generation.internal;

import java.time.Duration;

/**
 * What a step leaves to do next. Steps only say so; whoever ran the step schedules it (a job
 * through its own execution context, the webhook listener through the scheduler), which is why
 * the engine needs no scheduler and no bean loop exists between jobs and their work.
 */
sealed interface Followup {

	Followup NONE = new Nothing();

	record Nothing() implements Followup {
	}

	record Poll(Duration after, int polls) implements Followup {
	}

	record Finish(String output) implements Followup {
	}

}
