package com.wanderframe.imaging.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.wanderframe.location.Location;
import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.ReplicateClient;
import com.wanderframe.replicate.ReplicateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 on Replicate: {@code black-forest-labs/flux-kontext-pro} edits the person's photo into
 * the place. The job creates the prediction, then asks again with backoff (its thread free in
 * between) until the prediction ends, and downloads the output into our own file (Replicate
 * deletes outputs after an hour, so its URL is never kept).
 */
class KontextGenerator implements ImageGenerator {

	static final String MODEL = "black-forest-labs/flux-kontext-pro";

	private static final Logger log = LoggerFactory.getLogger(KontextGenerator.class);

	private final ReplicateClient replicate;

	private final ImagingProperties properties;

	KontextGenerator(ReplicateClient replicate, ImagingProperties properties) {
		this.replicate = replicate;
		this.properties = properties;
	}

	@Override
	public String model() {
		return MODEL;
	}

	/** The one place the model's inputs are decided. */
	static Map<String, Object> input(Location location, URI photo) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("prompt", prompt(location));
		input.put("input_image", photo.toString());
		input.put("aspect_ratio", "16:9");
		input.put("output_format", "jpg");
		// The most permissive value the model allows with an input image.
		input.put("safety_tolerance", 2);
		return input;
	}

	static String prompt(Location location) {
		return "Place the person from this photo into a new scene: " + location.scene() + ". "
				+ "Keep the person's face, identity, skin tone, hairstyle and clothing exactly the same as in the photo. "
				+ "Show them naturally in the foreground, lit by the light of the scene, as a realistic, sharp travel "
				+ "photograph in a wide 16:9 composition.";
	}

	@Override
	public Outcome generate(ImageRequest request, Path target) throws IOException {
		Prediction prediction;
		try {
			if (request.predictionId() == null) {
				start(request);
				return new StillRunning(properties.pollInterval());
			}
			prediction = replicate.getPrediction(request.predictionId());
		}
		catch (ReplicateException ex) {
			if (request.predictionId() != null && !ex.isPermanent() && !pastDeadline(request)) {
				// The client already retried; ask again a little later, until the deadline.
				log.info("Polling prediction {} failed for now: {}", request.predictionId(), ex.getMessage());
				return new StillRunning(properties.maxPollInterval());
			}
			log.warn("Replicate refused image {}: {} {}", request.imageId(), ex.status(), ex.getMessage());
			throw new ImageGenerationException("image_service_unavailable", ex.isPermanent()
					? "The image service refused this request. Your credits were refunded."
					: "The image service is unavailable right now. Your credits were refunded; try again in a few minutes.",
					ex);
		}
		return switch (prediction.status()) {
			case SUCCEEDED -> download(prediction, target);
			case FAILED -> throw new ImageGenerationException("generation_failed",
					"The image service could not make this picture" + reason(prediction.error())
							+ ". Your credits were refunded.");
			case CANCELED, ABORTED -> throw new ImageGenerationException("generation_canceled",
					"The image service stopped before your picture was made. Your credits were refunded.");
			case STARTING, PROCESSING -> {
				if (pastDeadline(request)) {
					cancelQuietly(prediction.id());
					throw new ImageGenerationException("generation_timed_out",
							"The image service took too long. Your credits were refunded; please try again.");
				}
				yield new StillRunning(nextWait(request));
			}
		};
	}

	private void start(ImageRequest request) throws IOException {
		String extension = "image/png".equals(request.photo().contentType()) ? "png" : "jpg";
		URI photo = replicate.toInputUri(request.photo().bytes(), request.photo().contentType(), "photo." + extension);
		Prediction prediction = replicate.createPrediction(MODEL, input(request.location(), photo),
				properties.webhookUrl(), properties.timeout());
		request.predictionStarted().accept(prediction.id());
	}

	private boolean pastDeadline(ImageRequest request) {
		return Instant.now().isAfter(request.startedAt().plus(properties.timeout()));
	}

	/**
	 * With webhooks, only a reconciliation poll (bounded by the deadline); without, often at
	 * first, then less: a fifth of the time waited so far, within the configured bounds.
	 */
	private Duration nextWait(ImageRequest request) {
		Duration waited = Duration.between(request.startedAt(), Instant.now());
		if (properties.webhookUrl() != null) {
			Duration untilDeadline = properties.timeout().minus(waited).plusSeconds(1);
			return untilDeadline.compareTo(properties.reconciliationPoll()) < 0 ? untilDeadline
					: properties.reconciliationPoll();
		}
		Duration wait = waited.dividedBy(5);
		if (wait.compareTo(properties.pollInterval()) < 0) {
			return properties.pollInterval();
		}
		return wait.compareTo(properties.maxPollInterval()) > 0 ? properties.maxPollInterval() : wait;
	}

	private GeneratedImage download(Prediction prediction, Path target) throws IOException {
		if (prediction.outputs().isEmpty()) {
			throw new ImageGenerationException("no_output",
					"The image service finished without a picture. Your credits were refunded.");
		}
		replicate.download(prediction.outputs().get(0), target);
		try (ImageInputStream in = ImageIO.createImageInputStream(target.toFile())) {
			java.util.Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
					: ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new ImageGenerationException("invalid_output",
						"The image service sent something that is not a picture. Your credits were refunded.");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				if (!"jpeg".equalsIgnoreCase(reader.getFormatName())) {
					throw new ImageGenerationException("invalid_output",
							"The image service sent a picture in an unexpected format. Your credits were refunded.");
				}
				return new GeneratedImage(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
	}

	private void cancelQuietly(String id) {
		try {
			replicate.cancelPrediction(id);
		}
		catch (ReplicateException ex) {
			log.info("Could not cancel prediction {}: {}", id, ex.getMessage());
		}
	}

	private static String reason(String error) {
		if (error == null || error.isBlank()) {
			return "";
		}
		String oneLine = error.strip().replaceAll("\\s+", " ");
		return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
	}

}
