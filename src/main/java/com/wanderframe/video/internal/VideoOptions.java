package com.wanderframe.video.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.Problems;
import com.wanderframe.video.MotionTemplate;
import com.wanderframe.video.MotionTemplates;

import org.springframework.stereotype.Component;

/**
 * What a person may ask for (durations, resolutions, their prices, prompt length), checked
 * before anything is charged or written.
 */
@Component
class VideoOptions {

	static final int MAX_PROMPT_LENGTH = 2000;

	static final int DEFAULT_DURATION = 6;

	static final Resolution DEFAULT_RESOLUTION = Resolution.P768;

	private final VideoProperties properties;

	VideoOptions(VideoProperties properties) {
		this.properties = properties;
	}

	/** A request that passed every check, with its price. */
	record Validated(UUID imageId, String prompt, MotionTemplate template, int duration, Resolution resolution,
			int cost) {

		/** What the generator is told: the template's camera language, then the person's words. */
		String effectivePrompt() {
			if (template == null) {
				return prompt;
			}
			return prompt.isEmpty() ? template.prompt() : template.prompt() + ". " + prompt;
		}

	}

	Validated validate(GenerateVideoRequest request) {
		if (request.imageId() == null) {
			throw ApiException.badRequest("image_required", "Choose the image to animate.");
		}
		MotionTemplate template = null;
		if (request.template() != null && !request.template().isBlank()) {
			template = MotionTemplates.find(request.template())
				.orElseThrow(() -> ApiException.badRequest("unknown_template",
						"There is no motion template called \"" + Problems.quote(request.template()) + "\"."));
		}
		String prompt = request.prompt() == null ? "" : request.prompt().strip();
		if (prompt.isEmpty() && template == null) {
			throw ApiException.badRequest("prompt_required", "Describe the motion, or pick a motion template.");
		}
		if (prompt.length() > MAX_PROMPT_LENGTH) {
			throw ApiException.badRequest("prompt_too_long",
					"The motion description can be at most " + MAX_PROMPT_LENGTH + " characters.");
		}
		if (template != null && !prompt.isEmpty()
				&& template.prompt().length() + 2 + prompt.length() > MAX_PROMPT_LENGTH) {
			// The model is told the template's camera wording too; together they must fit.
			throw ApiException.badRequest("prompt_too_long",
					"With the \"" + template.name() + "\" template, the motion description can be at most "
							+ (MAX_PROMPT_LENGTH - template.prompt().length() - 2) + " characters.");
		}
		int duration = request.duration() == null ? DEFAULT_DURATION : request.duration();
		if (costs().stream().noneMatch(c -> c.duration() == duration)) {
			throw ApiException.badRequest("invalid_duration", "A video lasts " + durationsText() + " seconds.");
		}
		Resolution resolution = request.resolution() == null ? DEFAULT_RESOLUTION
				: Resolution.of(request.resolution())
					.orElseThrow(() -> ApiException.badRequest("invalid_resolution",
							"The resolution must be one of " + resolutionsText() + "."));
		int cost = price(duration, resolution)
			.orElseThrow(() -> ApiException.badRequest("unsupported_combination",
					duration + "-second videos are not available at " + resolution.label() + "."));
		return new Validated(request.imageId(), prompt, template, duration, resolution, cost);
	}

	Optional<Integer> price(int duration, Resolution resolution) {
		return Optional.ofNullable(properties.costs().get(duration + "s-" + resolution.label()));
	}

	List<Cost> costs() {
		return properties.costs()
			.entrySet()
			.stream()
			.map(entry -> {
				String[] parts = entry.getKey().split("s-", 2);
				return new Cost(Integer.parseInt(parts[0]), parts[1], entry.getValue());
			})
			.filter(cost -> Resolution.of(cost.resolution()).isPresent())
			.sorted(Comparator.comparingInt(Cost::duration)
				.thenComparing(cost -> Resolution.of(cost.resolution()).orElseThrow().shortSide()))
			.toList();
	}

	View view() {
		List<Cost> costs = costs();
		return new View(costs.stream().map(Cost::duration).distinct().sorted().toList(),
				costs.stream()
					.map(Cost::resolution)
					.distinct()
					.sorted(Comparator.comparingInt(r -> Resolution.of(r).orElseThrow().shortSide()))
					.toList(),
				costs, DEFAULT_DURATION, DEFAULT_RESOLUTION.label(), MAX_PROMPT_LENGTH);
	}

	private String durationsText() {
		return String.join(" or ", costs().stream().map(c -> String.valueOf(c.duration())).distinct().toList());
	}

	private String resolutionsText() {
		return String.join(", ", view().resolutions());
	}

	record Cost(int duration, String resolution, int cost) {
	}

	record View(List<Integer> durations, List<String> resolutions, List<Cost> costs, int defaultDuration,
			String defaultResolution, int maxPromptLength) {
	}

}
