package com.wanderframe.video.internal;

import java.util.List;

import com.wanderframe.replicate.ReplicateClient;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Which generator makes new videos (configuration), and which one owns an existing row (its model). */
@Component
class VideoGenerators {

	private final List<VideoGenerator> generators;

	private final VideoGenerator current;

	VideoGenerators(LocalVideoGenerator local, HailuoVideoGenerator hailuo, VideoProperties properties,
			ReplicateClient replicate) {
		this.generators = List.of(local, hailuo);
		String choice = properties.generator();
		if (!StringUtils.hasText(choice)) {
			choice = replicate.isConfigured() ? "replicate" : "local";
		}
		this.current = switch (choice.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "local" -> local;
			case "replicate" -> {
				if (!replicate.isConfigured()) {
					throw new IllegalStateException(
							"WANDERFRAME_VIDEO_GENERATOR=replicate needs REPLICATE_API_TOKEN to be set");
				}
				yield hailuo;
			}
			default -> throw new IllegalStateException(
					"Unknown video generator '" + properties.generator() + "': use local or replicate");
		};
	}

	VideoGenerator current() {
		return current;
	}

	VideoGenerator forModel(String model) {
		return generators.stream()
			.filter(generator -> generator.model().equals(model))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No generator for model " + model));
	}

}
