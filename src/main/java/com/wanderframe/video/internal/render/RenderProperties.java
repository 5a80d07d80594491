package com.wanderframe.video.internal.render;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of the machine local renders may take, so that four jobs on two cores run in turn
 * instead of thrashing.
 * @param concurrency renders at once on this instance; unset: half the cores, at least one
 * @param encoderThreads x264 threads per render; unset: the cores divided among the concurrent
 * renders, at least one
 */
@ConfigurationProperties("wanderframe.render")
public record RenderProperties(Integer concurrency, Integer encoderThreads) {

	public RenderProperties {
		int cores = Runtime.getRuntime().availableProcessors();
		concurrency = concurrency == null || concurrency < 1 ? Math.max(1, cores / 2) : concurrency;
		encoderThreads = encoderThreads == null || encoderThreads < 1 ? Math.max(1, cores / concurrency)
				: encoderThreads;
	}

	/** The defaults for this machine. */
	public static RenderProperties defaults() {
		return new RenderProperties(null, null);
	}

}
