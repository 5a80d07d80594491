package com.wanderframe.video.internal;

import java.util.List;

import com.wanderframe.generation.Model;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.Problems;
import com.wanderframe.video.MotionTemplate;
import com.wanderframe.video.MotionTemplates;

import org.springframework.stereotype.Component;

/**
 * What a person may ask of the chosen model (its durations, resolutions, options and their
 * prices, all from the catalogue), checked before anything is charged or written.
 */
@Component
class VideoOptions {

	static final int MAX_PROMPT_LENGTH = 2000;

	private final ModelCatalogue catalogue;

	VideoOptions(ModelCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** A request that passed every check (but its pictures), with its price. */
	record Validated(Model model, String prompt, MotionTemplate template, int duration, String resolution,
			Boolean promptOptimizer, Boolean audio, String negativePrompt, String aspectRatio, int cost) {

		/** What the generator is told: the template's camera language, then the person's words. */
		String effectivePrompt() {
			if (template == null) {
				return prompt;
			}
			return prompt.isEmpty() ? template.prompt() : template.prompt() + ". " + prompt;
		}

	}

	Validated validate(GenerateVideoRequest request) {
		if (request.imageId() == null && request.fromVideoId() == null) {
			throw ApiException.badRequest("image_required", "Choose the image to animate.");
		}
		Model model = catalogue.require(ModelKind.VIDEO, request.model());
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
		int duration = request.duration() == null ? model.defaultDuration() : request.duration();
		if (!model.durations().contains(duration)) {
			throw ApiException.badRequest("invalid_duration", model.name() + " makes videos of "
					+ String.join(" or ", model.durations().stream().map(String::valueOf).toList()) + " seconds.");
		}
		String resolution = request.resolution() == null ? model.defaultResolution() : request.resolution();
		if (!model.resolutions().contains(resolution)) {
			throw ApiException.badRequest("invalid_resolution",
					"With " + model.name() + " the resolution must be one of " + String.join(", ", model.resolutions())
							+ ".");
		}
		Model.Choice choice = model.choice(duration, resolution)
			.orElseThrow(() -> ApiException.badRequest("unsupported_combination",
					model.name() + " does not make " + duration + "-second videos at " + resolution + "."));
		if (request.endImageId() != null) {
			if (model.endFrame() == null) {
				throw ApiException.badRequest("end_frame_not_supported",
						model.name() + " cannot end on a chosen picture. Pick a model with an end frame.");
			}
			if (!model.endFrame().allowedAt(resolution)) {
				throw ApiException.badRequest("unsupported_combination", model.name() + " takes an end frame only at "
						+ String.join(", ", model.endFrame().onlyAt()) + ".");
			}
		}
		Boolean audio = request.audio();
		if (Boolean.TRUE.equals(audio) && model.audio() == null) {
			throw ApiException.badRequest("audio_not_supported", model.name() + " makes videos without sound.");
		}
		if (model.audio() == null) {
			audio = null;
		}
		Boolean promptOptimizer = request.promptOptimizer();
		if (promptOptimizer != null && model.promptOptimizer() == null) {
			throw ApiException.badRequest("prompt_optimizer_not_supported",
					model.name() + " has no prompt optimizer.");
		}
		String negativePrompt = request.negativePrompt() == null || request.negativePrompt().isBlank() ? null
				: request.negativePrompt().strip();
		if (negativePrompt != null) {
			if (model.negativePrompt() == null) {
				throw ApiException.badRequest("negative_prompt_not_supported",
						model.name() + " does not take a description of what to avoid.");
			}
			if (negativePrompt.length() > MAX_PROMPT_LENGTH) {
				throw ApiException.badRequest("prompt_too_long",
						"What to avoid can be at most " + MAX_PROMPT_LENGTH + " characters.");
			}
		}
		String aspectRatio = request.aspectRatio() == null || request.aspectRatio().isBlank() ? null
				: request.aspectRatio().strip();
		if (aspectRatio != null) {
			if (model.aspectRatio() == null) {
				throw ApiException.badRequest("aspect_ratio_not_supported",
						model.name() + " takes the aspect ratio of the picture.");
			}
			if (!model.aspectRatio().values().contains(aspectRatio)) {
				throw ApiException.badRequest("invalid_aspect_ratio", "With " + model.name()
						+ " the aspect ratio must be one of " + String.join(", ", model.aspectRatio().values()) + ".");
			}
		}
		int cost = catalogue.price(model, choice, Boolean.TRUE.equals(audio));
		return new Validated(model, prompt, template, duration, resolution, promptOptimizer, audio, negativePrompt,
				aspectRatio, cost);
	}

	/** {@code GET /api/video/options}: one model's choices, in the shape old clients read. */
	View view(String modelId) {
		Model model = catalogue.require(ModelKind.VIDEO, modelId);
		List<Cost> costs = model.choices()
			.stream()
			.map(choice -> new Cost(choice.duration(), choice.resolution(), catalogue.price(model, choice, false)))
			.toList();
		return new View(model.id(), model.durations(), model.resolutions(), costs, model.defaultDuration(),
				model.defaultResolution(), MAX_PROMPT_LENGTH);
	}

	record Cost(int duration, String resolution, int cost) {
	}

	record View(String model, List<Integer> durations, List<String> resolutions, List<Cost> costs,
			int defaultDuration, String defaultResolution, int maxPromptLength) {
	}

}
