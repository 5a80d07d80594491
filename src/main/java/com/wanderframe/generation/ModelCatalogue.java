package com.wanderframe.generation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.wanderframe.platform.ApiException;
import com.wanderframe.replicate.ReplicateClient;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Every model Wanderframe can run, in one place. Adding a model is one entry here plus its test
 * against the fake Replicate. Schemas were checked against each model's API page on
 * replicate.com (Dec 2026) and {@code shared/REPLICATE.md}; each entry names its source.
 * A deployment offers the local models always, and the Replicate ones when it has a token.
 */
@Component
public class ModelCatalogue {

	/** Replicate's default for each kind when a token is configured. */
	static final String REPLICATE_IMAGE_DEFAULT = "black-forest-labs/flux-kontext-pro";

	static final String REPLICATE_VIDEO_DEFAULT = "minimax/hailuo-02";

	public static final String LOCAL_COMPOSITOR = "local/compositor";

	public static final String LOCAL_MOTION = "local/motion";

	private static final List<Model> MODELS = List.of(
			Model.builder(LOCAL_COMPOSITOR, ModelKind.IMAGE, "Wanderframe compositor")
				.description("Your photo as a framed print in the place, made on this server in a moment.")
				.source("runs here (imaging.internal.LocalCompositor)")
				.price(1)
				.typicalTime(Duration.ofSeconds(2))
				.build(),
			Model.builder(REPLICATE_IMAGE_DEFAULT, ModelKind.IMAGE, "FLUX.1 Kontext Pro")
				.description("Edits your photo into the place, keeping your face and clothes.")
				.source("replicate.com/black-forest-labs/flux-kontext-pro/api: prompt, input_image (uri), aspect_ratio, "
						+ "output_format png|jpg, safety_tolerance 0-6 (max 2 with an input image), seed")
				.image(GenerationInputs.SUBJECT, "input_image")
				.fixed("aspect_ratio", "16:9")
				.fixed("output_format", "jpg")
				// The most permissive value the model allows with an input image.
				.fixed("safety_tolerance", 2)
				.price(1)
				.typicalTime(Duration.ofSeconds(15))
				.build(),
			Model.builder("google/nano-banana", ModelKind.IMAGE, "Nano Banana")
				.description("Google's image editor (Gemini 2.5 Flash Image): quick, natural light.")
				.source("replicate.com/google/nano-banana/api: prompt, image_input (array of uri), output_format jpg|png")
				.imagesAsArray("image_input")
				.image(GenerationInputs.SUBJECT, "image_input")
				.fixed("output_format", "jpg")
				.price(2)
				.typicalTime(Duration.ofSeconds(20))
				.build(),
			Model.builder("bytedance/seedream-4", ModelKind.IMAGE, "Seedream 4")
				.description("ByteDance's image model, up to 4K; answers with a list of pictures (we keep the first).")
				.source("replicate.com/bytedance/seedream-4/api: prompt, image_input (array of uri), size 1K|2K|4K|custom, "
						+ "aspect_ratio (match_input_image, 16:9, ...); output: array of uri")
				.imagesAsArray("image_input")
				.image(GenerationInputs.SUBJECT, "image_input")
				.fixed("size", "2K")
				.fixed("aspect_ratio", "16:9")
				.arrayOutput()
				.price(2)
				.typicalTime(Duration.ofSeconds(30))
				.build(),
			Model.builder(LOCAL_MOTION, ModelKind.VIDEO, "Wanderframe camera motion")
				.description("A smooth camera move over your image, rendered on this server. No sound.")
				.source("runs here (video.internal.render.LocalMotionRenderer)")
				.choice(6, "512p", 3, Map.of())
				.choice(10, "512p", 5, Map.of())
				.choice(6, "768p", 5, Map.of())
				.choice(10, "768p", 8, Map.of())
				.choice(6, "1080p", 8, Map.of())
				.typicalTime(Duration.ofSeconds(20))
				.build(),
			Model.builder(REPLICATE_VIDEO_DEFAULT, ModelKind.VIDEO, "Hailuo 02")
				.description("MiniMax's physics-aware model: start and end frame, prompt optimizer.")
				.source("replicate.com/minimax/hailuo-02/api and shared/REPLICATE.md: prompt, first_frame_image, "
						+ "last_frame_image, duration 6|10, resolution 512p|768p|1080p (default 1080p, so always sent; "
						+ "10 s not at 1080p), prompt_optimizer (default true)")
				.image(GenerationInputs.FIRST_FRAME, "first_frame_image")
				.endFrame("last_frame_image")
				.durationInput("duration")
				.choice(6, "512p", 3, Map.of("resolution", "512p"))
				.choice(10, "512p", 5, Map.of("resolution", "512p"))
				.choice(6, "768p", 5, Map.of("resolution", "768p"))
				.choice(10, "768p", 8, Map.of("resolution", "768p"))
				.choice(6, "1080p", 8, Map.of("resolution", "1080p"))
				.promptOptimizer("prompt_optimizer", true)
				.typicalTime(Duration.ofMinutes(3))
				.build(),
			Model.builder("minimax/hailuo-2.3", ModelKind.VIDEO, "Hailuo 2.3")
				.description("MiniMax's newer model: sharper motion and faces; first frame only.")
				.source("replicate.com/minimax/hailuo-2.3/api and shared/REPLICATE.md: prompt, first_frame_image, "
						+ "duration 6|10, resolution 768p|1080p (default 768p; 1080p only at 6 s), prompt_optimizer")
				.image(GenerationInputs.FIRST_FRAME, "first_frame_image")
				.durationInput("duration")
				.choice(6, "768p", 5, Map.of("resolution", "768p"))
				.choice(10, "768p", 8, Map.of("resolution", "768p"))
				.choice(6, "1080p", 9, Map.of("resolution", "1080p"))
				.promptOptimizer("prompt_optimizer", true)
				.typicalTime(Duration.ofMinutes(3))
				.build(),
			Model.builder("kwaivgi/kling-v2.1", ModelKind.VIDEO, "Kling 2.1")
				.description("Kuaishou's model, 24 fps: standard 720p or pro 1080p; end frame in pro mode.")
				.source("replicate.com/kwaivgi/kling-v2.1/api: prompt, start_image (required), mode standard (720p)|pro "
						+ "(1080p), duration 5|10, negative_prompt, end_image (pro mode only)")
				.image(GenerationInputs.FIRST_FRAME, "start_image")
				.endFrame("end_image", "1080p")
				.durationInput("duration")
				.choice(5, "720p", 5, Map.of("mode", "standard"))
				.choice(10, "720p", 9, Map.of("mode", "standard"))
				.choice(5, "1080p", 8, Map.of("mode", "pro"))
				.choice(10, "1080p", 15, Map.of("mode", "pro"))
				.negativePrompt("negative_prompt")
				.typicalTime(Duration.ofMinutes(4))
				.build(),
			Model.builder("bytedance/seedance-1-pro", ModelKind.VIDEO, "Seedance 1 Pro")
				.description("ByteDance's model: start and end frame, 480p to 1080p, steady or moving camera.")
				.source("replicate.com/bytedance/seedance-1-pro/api: prompt, image, last_frame_image (needs image), "
						+ "duration 2-12 (default 5), resolution 480p|720p|1080p (default 1080p, so always sent), "
						+ "aspect_ratio (ignored with an image, so not offered), fps 24, camera_fixed (default false), seed")
				.image(GenerationInputs.FIRST_FRAME, "image")
				.endFrame("last_frame_image")
				.durationInput("duration")
				.choice(5, "480p", 3, Map.of("resolution", "480p"))
				.choice(10, "480p", 5, Map.of("resolution", "480p"))
				.choice(5, "720p", 5, Map.of("resolution", "720p"))
				.choice(10, "720p", 8, Map.of("resolution", "720p"))
				.choice(5, "1080p", 8, Map.of("resolution", "1080p"))
				.choice(10, "1080p", 14, Map.of("resolution", "1080p"))
				.fixed("camera_fixed", false)
				.seed("seed")
				.typicalTime(Duration.ofMinutes(2))
				.build(),
			Model.builder("google/veo-3-fast", ModelKind.VIDEO, "Veo 3 Fast")
				.description("Google's model with sound: the video can carry its own soundtrack.")
				.source("replicate.com/google/veo-3-fast/api and shared/REPLICATE.md: prompt, image, duration 8, "
						+ "resolution 720p|1080p, aspect_ratio 16:9|9:16, negative_prompt, generate_audio, seed")
				.image(GenerationInputs.FIRST_FRAME, "image")
				.durationInput("duration")
				.choice(8, "720p", 10, Map.of("resolution", "720p"))
				.choice(8, "1080p", 14, Map.of("resolution", "1080p"))
				.negativePrompt("negative_prompt")
				.aspectRatio("aspect_ratio", "16:9", "16:9", "9:16")
				.audio("generate_audio", false, 4)
				.seed("seed")
				.typicalTime(Duration.ofMinutes(1))
				.build());

	private final ModelProperties properties;

	private final boolean replicateConfigured;

	private final Model defaultImage;

	private final Model defaultVideo;

	ModelCatalogue(ModelProperties properties, ReplicateClient replicate) {
		this.properties = properties;
		this.replicateConfigured = replicate.isConfigured();
		properties.prices().forEach((id, prices) -> {
			Model model = find(id).orElseThrow(
					() -> new IllegalStateException("wanderframe.models.prices names an unknown model: " + id));
			prices.forEach((key, credits) -> {
				if (model.choices().stream().noneMatch(c -> c.key().equals(key)) || credits == null || credits <= 0) {
					throw new IllegalStateException("wanderframe.models.prices.[" + id + "]." + key
							+ " must name one of " + model.choices().stream().map(Model.Choice::key).toList()
							+ " with a positive price");
				}
			});
		});
		this.defaultImage = chooseDefault(ModelKind.IMAGE, properties.defaultImage(), LOCAL_COMPOSITOR,
				REPLICATE_IMAGE_DEFAULT);
		this.defaultVideo = chooseDefault(ModelKind.VIDEO, properties.defaultVideo(), LOCAL_MOTION,
				REPLICATE_VIDEO_DEFAULT);
	}

	private Model chooseDefault(ModelKind kind, String setting, String local, String replicate) {
		String choice = StringUtils.hasText(setting) ? setting.strip() : (replicateConfigured ? replicate : local);
		String id = switch (choice.toLowerCase(Locale.ROOT)) {
			case "local" -> local;
			case "replicate" -> replicate;
			default -> choice;
		};
		Model model = find(id).filter(m -> m.kind() == kind)
			.orElseThrow(() -> new IllegalStateException("The default " + kind.value() + " model must be local, "
					+ "replicate or one of " + all(kind).stream().map(Model::id).toList() + ", not '" + setting + "'"));
		if (!offered(model)) {
			throw new IllegalStateException("The default " + kind.value() + " model " + id
					+ " runs on Replicate and needs REPLICATE_API_TOKEN (wanderframe.replicate.api-token)");
		}
		return model;
	}

	/** Every model of the kind, offered here or not. */
	public static List<Model> all(ModelKind kind) {
		return MODELS.stream().filter(m -> m.kind() == kind).toList();
	}

	public static Optional<Model> find(String id) {
		return MODELS.stream().filter(m -> m.id().equals(id)).findFirst();
	}

	/** What this deployment offers: the local models always, Replicate's with a token. */
	public List<Model> offered(ModelKind kind) {
		return all(kind).stream().filter(this::offered).toList();
	}

	public boolean offered(Model model) {
		return model.local() || replicateConfigured;
	}

	public Model defaultModel(ModelKind kind) {
		return kind == ModelKind.IMAGE ? defaultImage : defaultVideo;
	}

	/**
	 * The model a request names, or the default when it names none.
	 * @throws ApiException 400 {@code unknown_model} or {@code model_not_available}
	 */
	public Model require(ModelKind kind, String id) {
		if (!StringUtils.hasText(id)) {
			return defaultModel(kind);
		}
		Model model = find(id.strip()).filter(m -> m.kind() == kind)
			.orElseThrow(() -> ApiException.badRequest("unknown_model",
					"There is no " + kind.value() + " model called \"" + id.strip() + "\"."));
		if (!offered(model)) {
			throw ApiException.badRequest("model_not_available",
					model.name() + " is not available on this server right now. Choose another model.");
		}
		return model;
	}

	/** The price of a combination: configuration's, else the catalogue's; plus sound, when asked for. */
	public int price(Model model, Model.Choice choice, boolean audio) {
		Integer configured = properties.prices().getOrDefault(model.id(), Map.of()).get(choice.key());
		int base = configured != null ? configured : choice.credits();
		return base + (audio && model.audio() != null ? model.audio().surcharge() : 0);
	}

}
