package com.wanderframe.generation;

import java.util.Map;

/**
 * What a person asked for, in the engine's words; a model's catalogue entry turns it into that
 * model's own inputs.
 * @param images the pictures to start from, by role ({@link #FIRST_FRAME}, {@link #END_FRAME},
 * {@link #SUBJECT}), as media keys
 * @param duration seconds, for videos
 * @param resolution e.g. {@code 768p}, for videos
 * @param promptOptimizer, audio, negativePrompt, aspectRatio only where the model has them;
 * {@code null} for the model's default
 * @param context what only a local generator reads (e.g. the location's slug)
 * @param seed sent where the model takes a seed ({@link Model#seedInput()}), else {@code null}
 */
public record GenerationInputs(String prompt, Map<String, String> images, Integer duration, String resolution,
		Boolean promptOptimizer, Boolean audio, String negativePrompt, String aspectRatio,
		Map<String, String> context, Long seed) {

	public static final String FIRST_FRAME = "first_frame";

	public static final String END_FRAME = "end_frame";

	/** The person's photo an image model edits. */
	public static final String SUBJECT = "subject";

	public GenerationInputs {
		images = images == null ? Map.of() : Map.copyOf(images);
		context = context == null ? Map.of() : Map.copyOf(context);
	}

	public static GenerationInputs image(String prompt, String photoKey, Map<String, String> context) {
		return new GenerationInputs(prompt, Map.of(SUBJECT, photoKey), null, null, null, null, null, null, context, null);
	}

}
