package com.wanderframe.generation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wanderframe.generation.Failure;
import com.wanderframe.generation.GenerationFailedException;
import com.wanderframe.generation.GenerationInputs;
import com.wanderframe.generation.GenerationJob;
import com.wanderframe.generation.GenerationRow;
import com.wanderframe.generation.Generator;
import com.wanderframe.generation.Model;
import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaStore;
import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.ReplicateClient;
import com.wanderframe.replicate.ReplicateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any Replicate model, driven by its catalogue entry: the entry decides every input's name and
 * type, so the request carries exactly that model's inputs and nothing else. Pictures reach the
 * model as data URLs or through Replicate's files API, so the app need not be public.
 */
class ReplicateGenerator implements Generator {

	private static final Logger log = LoggerFactory.getLogger(ReplicateGenerator.class);

	private final Model model;

	private final ReplicateClient replicate;

	private final MediaStore media;

	ReplicateGenerator(Model model, ReplicateClient replicate, MediaStore media) {
		this.model = model;
		this.replicate = replicate;
		this.media = media;
	}

	@Override
	public String model() {
		return model.id();
	}

	@Override
	public Step start(GenerationJob job) throws IOException {
		Map<String, Object> input;
		try {
			input = input(model, job.inputs(), this::upload);
		}
		catch (MediaNotFoundException ex) {
			throw new GenerationFailedException(Failure.Reason.SOURCE_UNAVAILABLE, ex.getMessage(), ex);
		}
		catch (ReplicateException ex) {
			throw new GenerationFailedException(Failure.Reason.PROVIDER_UNAVAILABLE,
					"Uploading the picture to Replicate failed: HTTP " + ex.status(), ex);
		}
		try {
			Prediction prediction = replicate.createPrediction(model.id(), input, replicate.webhookUrl(),
					job.deadline().compareTo(java.time.Duration.ofSeconds(5)) < 0 ? java.time.Duration.ofSeconds(5) : job.deadline());
			return new Step.Started(prediction.id());
		}
		catch (ReplicateException ex) {
			log.warn("Replicate refused generation {} on {}: HTTP {} {}", job.id(), model.id(), ex.status(),
					ex.getMessage());
			throw new GenerationFailedException(Failure.Reason.PROVIDER_UNAVAILABLE,
					"Replicate refused: HTTP " + ex.status(), ex);
		}
	}

	/** Functional seam so the input map can be checked without uploading anything. */
	interface Upload {

		String of(String mediaKey) throws IOException;

	}

	/**
	 * The one place a model's inputs are built: from its catalogue entry and what the person
	 * asked for. Optional inputs are sent only where the model has them; resolution-like choices
	 * are always sent, because some models' defaults are their most expensive tier.
	 */
	static Map<String, Object> input(Model model, GenerationInputs inputs, Upload upload) throws IOException {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("prompt", inputs.prompt());
		List<String> array = new ArrayList<>();
		for (Map.Entry<String, String> image : inputs.images().entrySet()) {
			String name = model.imageInputs().get(image.getKey());
			if (name == null) {
				throw new IllegalArgumentException(model.id() + " takes no " + image.getKey() + " picture");
			}
			String url = upload.of(image.getValue());
			if (model.imageArrayInput() != null) {
				array.add(url);
			}
			else {
				input.put(name, url);
			}
		}
		if (model.imageArrayInput() != null) {
			input.put(model.imageArrayInput(), array);
		}
		if (model.durationInput() != null) {
			input.put(model.durationInput(), inputs.duration());
		}
		Model.Choice choice = model.choice(inputs.duration(), inputs.resolution())
			.orElseThrow(() -> new IllegalArgumentException(
					model.id() + " has no " + inputs.duration() + " s " + inputs.resolution() + " choice"));
		input.putAll(choice.input());
		put(input, model.promptOptimizer(), inputs.promptOptimizer());
		put(input, model.audio(), inputs.audio());
		if (model.negativePrompt() != null && inputs.negativePrompt() != null && !inputs.negativePrompt().isBlank()) {
			input.put(model.negativePrompt().input(), inputs.negativePrompt());
		}
		put(input, model.aspectRatio(), inputs.aspectRatio());
		input.putAll(model.fixedInputs());
		if (model.seedInput() != null && inputs.seed() != null) {
			input.put(model.seedInput(), inputs.seed());
		}
		return input;
	}

	private static void put(Map<String, Object> input, Model.Capability capability, Object value) {
		if (capability == null) {
			return;
		}
		Object chosen = value != null ? value : capability.defaultValue();
		if (chosen != null) {
			input.put(capability.input(), chosen);
		}
	}

	private String upload(String mediaKey) throws IOException {
		String contentType = media.stat(mediaKey).contentType();
		byte[] bytes;
		try (InputStream in = media.open(mediaKey)) {
			bytes = in.readAllBytes();
		}
		String name = mediaKey.substring(mediaKey.lastIndexOf('/') + 1);
		return replicate.toInputUrl(bytes, contentType, name.contains(".") ? name : name + extension(contentType));
	}

	private static String extension(String contentType) {
		return switch (contentType == null ? "" : contentType) {
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			default -> ".jpg";
		};
	}

	@Override
	public Step apply(GenerationRow row, Prediction prediction) {
		return switch (prediction.status()) {
			case STARTING -> new Step.Running(null);
			case PROCESSING -> new Step.Running(prediction.progress());
			case SUCCEEDED -> prediction.outputs().isEmpty()
					? new Step.Failed(Failure.Reason.OUTPUT_UNAVAILABLE, "succeeded without an output")
					: new Step.Succeeded(prediction.outputs());
			case FAILED -> new Step.Failed(Failure.Reason.GENERATION_FAILED, String.valueOf(prediction.error()));
			case CANCELED -> new Step.Failed(Failure.Reason.CANCELED, "canceled upstream");
			case ABORTED -> new Step.Failed(Failure.Reason.ABORTED, "aborted upstream");
		};
	}

	@Override
	public Step poll(GenerationRow row) {
		try {
			return apply(row, replicate.getPrediction(row.predictionId()));
		}
		catch (ReplicateException ex) {
			// The client already retried; ask again later, until the deadline.
			log.info("Polling generation {} failed (HTTP {}); trying again later", row.id(), ex.status());
			return new Step.Running(null);
		}
	}

	@Override
	public void fetch(GenerationRow row, URI output, Path target) throws IOException {
		try {
			replicate.download(output, target);
		}
		catch (ReplicateException ex) {
			log.warn("Could not fetch the output of generation {}: {}", row.id(), ex.getMessage());
			throw new GenerationFailedException(Failure.Reason.OUTPUT_UNAVAILABLE, ex.getMessage(), ex);
		}
	}

	@Override
	public void cancel(GenerationRow row) {
		if (row.predictionId() == null) {
			return;
		}
		try {
			replicate.cancelPrediction(row.predictionId());
		}
		catch (ReplicateException ex) {
			log.info("Could not cancel prediction {} (HTTP {})", row.predictionId(), ex.status());
		}
	}

}
