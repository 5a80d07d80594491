package com.wanderframe.video.internal;

/**
 * Something that turns a paid, pending generation into a video. {@link #start} runs in a
 * background job and may run again after a crash, so it must tolerate a generation it already
 * started, and must leave it either finished or handed to a follow-up job.
 */
interface VideoGenerator {

	/** Stored with each generation, so a row keeps its generator across configuration changes. */
	String model();

	void start(VideoGeneration generation);

}
