package com.wanderframe.video;

import com.wanderframe.replicate.FakeReplicate;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test context's video step (and, if asked, its image step) at the shared fake Replicate. */
final class ReplicateVideoProperties {

	private ReplicateVideoProperties() {
	}

	static void register(DynamicPropertyRegistry registry, String imageGenerator) {
		FakeReplicate.shared().register(registry);
		registry.add("wanderframe.models.default-video", () -> "replicate");
		registry.add("wanderframe.models.default-image", () -> imageGenerator);
	}

}
