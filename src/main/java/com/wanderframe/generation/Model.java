package com.wanderframe.generation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One model as data: what it is, what it takes (its real input schema, named as the provider
 * names it), what it can do and what each valid combination costs. Validation, the API's option
 * lists, the studio's pickers and the request sent to Replicate all read this one declaration.
 * @param id Replicate's exact {@code owner/name}, or {@code local/...} for what runs here
 * @param source where the schema facts come from, so the next reader can check them again
 * @param imageInputs the input each picture role goes to ({@link GenerationInputs#FIRST_FRAME},
 * {@link GenerationInputs#SUBJECT}, {@link GenerationInputs#END_FRAME} for an end frame)
 * @param imageArrayInput when set, all pictures go to this one array input instead
 * @param durationInput the integer input taking the duration, or {@code null}
 * @param choices every valid combination of duration and resolution, with its price and the
 * inputs that select it; a combination not listed is refused
 * @param endFrame, promptOptimizer, audio, negativePrompt, aspectRatio the optional capabilities,
 * {@code null} when the model has none
 * @param fixedInputs sent as they are with every request
 * @param seedInput the integer input taking a seed, or {@code null} when the model takes none: each
 * generation sends a new one, so asking again with the same settings makes a new video
 * @param typicalTime shown until this deployment has finished generations of its own to measure
 */
public record Model(String id, ModelKind kind, String name, String description, String source,
		Map<String, String> imageInputs, String imageArrayInput, String durationInput, List<Choice> choices,
		Capability endFrame, Capability promptOptimizer, Capability audio, Capability negativePrompt,
		Capability aspectRatio, Map<String, Object> fixedInputs, boolean arrayOutput, Duration typicalTime,
		String seedInput) {

	public static final String LOCAL_PREFIX = "local/";

	public Model {
		imageInputs = Map.copyOf(imageInputs);
		choices = List.copyOf(choices);
		fixedInputs = fixedInputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixedInputs));
	}

	public boolean local() {
		return id.startsWith(LOCAL_PREFIX);
	}

	public String provider() {
		return local() ? "local" : "replicate";
	}

	public List<Integer> durations() {
		return choices.stream().map(Choice::duration).filter(d -> d != null).distinct().sorted().toList();
	}

	/** In the order the catalogue lists them: smallest first. */
	public List<String> resolutions() {
		return choices.stream().map(Choice::resolution).filter(r -> r != null).distinct().toList();
	}

	/** What a request that names none gets: the shortest duration. */
	public Integer defaultDuration() {
		return durations().isEmpty() ? null : durations().get(0);
	}

	/** What a request that names none gets: 768p or 720p where offered (sharp, not the dearest), else the first. */
	public String defaultResolution() {
		List<String> offered = resolutions();
		for (String preferred : List.of("768p", "720p")) {
			if (offered.contains(preferred)) {
				return preferred;
			}
		}
		return offered.isEmpty() ? null : offered.get(0);
	}

	public Optional<Choice> choice(Integer duration, String resolution) {
		return choices.stream()
			.filter(c -> java.util.Objects.equals(c.duration(), duration) && java.util.Objects.equals(c.resolution(), resolution))
			.findFirst();
	}

	/**
	 * One valid combination.
	 * @param credits the catalogue's price; configuration may override it ({@link ModelCatalogue#price})
	 * @param input what selects it upstream, e.g. {@code {"resolution": "768p"}} or {@code {"mode": "pro"}}
	 */
	public record Choice(Integer duration, String resolution, int credits, Map<String, Object> input) {

		public Choice {
			input = input == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(input));
		}

		/** The price key: {@code 6s-768p} for videos, {@code image} for images. */
		public String key() {
			return duration == null ? "image" : duration + "s-" + resolution;
		}

	}

	/**
	 * An optional input.
	 * @param input its name upstream ({@code null} for a local model that reads it itself)
	 * @param defaultValue what is sent when the person does not say
	 * @param values the allowed values, for a choice (aspect ratios); empty for a toggle or text
	 * @param onlyAt the resolutions it is allowed at; empty means all
	 * @param surcharge credits added when it is on (sound costs extra upstream)
	 */
	public record Capability(String input, Object defaultValue, List<String> values, Set<String> onlyAt,
			int surcharge) {

		public Capability {
			values = values == null ? List.of() : List.copyOf(values);
			onlyAt = onlyAt == null ? Set.of() : Set.copyOf(onlyAt);
		}

		public static Capability toggle(String input, boolean defaultValue) {
			return new Capability(input, defaultValue, List.of(), Set.of(), 0);
		}

		public static Capability text(String input) {
			return new Capability(input, null, List.of(), Set.of(), 0);
		}

		public static Capability oneOf(String input, String defaultValue, String... values) {
			return new Capability(input, defaultValue, List.of(values), Set.of(), 0);
		}

		public Capability onlyAt(String... resolutions) {
			return new Capability(input, defaultValue, values, Set.of(resolutions), surcharge);
		}

		public Capability costing(int credits) {
			return new Capability(input, defaultValue, values, onlyAt, credits);
		}

		public boolean allowedAt(String resolution) {
			return onlyAt.isEmpty() || onlyAt.contains(resolution);
		}

	}

	/** A small builder, so each catalogue entry reads as a declaration. */
	static Builder builder(String id, ModelKind kind, String name) {
		return new Builder(id, kind, name);
	}

	static final class Builder {

		private final String id;

		private final ModelKind kind;

		private final String name;

		private String description = "";

		private String source = "";

		private final Map<String, String> imageInputs = new LinkedHashMap<>();

		private String imageArrayInput;

		private String durationInput;

		private final List<Choice> choices = new ArrayList<>();

		private Capability endFrame;

		private Capability promptOptimizer;

		private Capability audio;

		private Capability negativePrompt;

		private Capability aspectRatio;

		private final Map<String, Object> fixedInputs = new LinkedHashMap<>();

		private boolean arrayOutput;

		private Duration typicalTime = Duration.ofMinutes(2);

		private String seedInput;

		private Builder(String id, ModelKind kind, String name) {
			this.id = id;
			this.kind = kind;
			this.name = name;
		}

		Builder description(String value) {
			this.description = value;
			return this;
		}

		Builder source(String value) {
			this.source = value;
			return this;
		}

		Builder image(String role, String input) {
			imageInputs.put(role, input);
			return this;
		}

		Builder imagesAsArray(String input) {
			this.imageArrayInput = input;
			return this;
		}

		Builder durationInput(String input) {
			this.durationInput = input;
			return this;
		}

		/** A video combination, selected upstream by {@code input}. */
		Builder choice(int duration, String resolution, int credits, Map<String, Object> input) {
			choices.add(new Choice(duration, resolution, credits, input));
			return this;
		}

		/** An image model's one price. */
		Builder price(int credits) {
			choices.add(new Choice(null, null, credits, Map.of()));
			return this;
		}

		Builder endFrame(String input, String... onlyAtResolutions) {
			imageInputs.put(GenerationInputs.END_FRAME, input);
			this.endFrame = new Capability(input, null, List.of(), Set.of(onlyAtResolutions), 0);
			return this;
		}

		Builder promptOptimizer(String input, boolean defaultValue) {
			this.promptOptimizer = Capability.toggle(input, defaultValue);
			return this;
		}

		Builder audio(String input, boolean defaultValue, int surcharge) {
			this.audio = Capability.toggle(input, defaultValue).costing(surcharge);
			return this;
		}

		Builder negativePrompt(String input) {
			this.negativePrompt = Capability.text(input);
			return this;
		}

		Builder aspectRatio(String input, String defaultValue, String... values) {
			this.aspectRatio = Capability.oneOf(input, defaultValue, values);
			return this;
		}

		Builder fixed(String input, Object value) {
			fixedInputs.put(input, value);
			return this;
		}

		Builder seed(String input) {
			this.seedInput = input;
			return this;
		}

		Builder arrayOutput() {
			this.arrayOutput = true;
			return this;
		}

		Builder typicalTime(Duration value) {
			this.typicalTime = value;
			return this;
		}

		Model build() {
			return new Model(id, kind, name, description, source, imageInputs, imageArrayInput, durationInput, choices,
					endFrame, promptOptimizer, audio, negativePrompt, aspectRatio, fixedInputs, arrayOutput,
					typicalTime, seedInput);
		}

	}

}
