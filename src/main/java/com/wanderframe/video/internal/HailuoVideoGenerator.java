package com.wanderframe.video.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaStore;
import com.wanderframe.platform.ScratchSpace;
import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.PredictionUpdated;
import com.wanderframe.replicate.ReplicateClient;
import com.wanderframe.replicate.ReplicateException;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Replicate's {@code minimax/hailuo-02}. Starting creates a prediction and records its id at
 * once; from then on webhooks (when we are reachable) and polls feed one idempotent
 * {@link #apply}: progress while it runs, and at the end either a finish job that copies the
 * output into our media store (Replicate deletes it after an hour) or a failure with a refund.
 */
@Component
class HailuoVideoGenerator implements VideoGenerator {

	static final String MODEL = "minimax/hailuo-02";

	/** What the model outputs; a file in any other codec is refused as not the model's. */
	static final String OUTPUT_CODEC = PlayableVideo.H264;

	private static final Logger log = LoggerFactory.getLogger(HailuoVideoGenerator.class);

	private final ReplicateClient replicate;

	private final MediaStore media;

	private final VideoGenerations generations;

	private final VideoLifecycle lifecycle;

	private final VideoJobs jobs;

	private final VideoProperties properties;

	private final ScratchSpace scratch;

	HailuoVideoGenerator(ReplicateClient replicate, MediaStore media, VideoGenerations generations,
			VideoLifecycle lifecycle, VideoJobs jobs, VideoProperties properties, ScratchSpace scratch) {
		this.scratch = scratch;
		this.replicate = replicate;
		this.media = media;
		this.generations = generations;
		this.lifecycle = lifecycle;
		this.jobs = jobs;
		this.properties = properties;
	}

	@Override
	public String model() {
		return MODEL;
	}

	@Override
	public void start(VideoGeneration generation) {
		if (generation.predictionId() != null) {
			// Started before a restart: the poll job already follows it.
			jobs.schedulePoll(generation.id(), Duration.ZERO);
			return;
		}
		Prediction prediction;
		try {
			prediction = replicate.createPrediction(MODEL, input(generation), properties.webhookUrl(),
					properties.deadline());
		}
		catch (ReplicateException ex) {
			log.warn("Replicate refused generation {}: HTTP {}", generation.id(), ex.status());
			lifecycle.fail(generation.id(), "provider_unavailable",
					"The video model could not take this request right now. Your credits have been refunded.");
			return;
		}
		catch (MediaNotFoundException ex) {
			lifecycle.fail(generation.id(), "image_unavailable",
					"The image to animate is no longer there. Your credits have been refunded.");
			return;
		}
		catch (IOException ex) {
			throw new RetryLater("Could not read the first frame of " + generation.id(), ex);
		}
		if (!generations.recordPrediction(generation.id(), prediction.id())) {
			// It ended meanwhile (the deadline): stop paying for a prediction nobody waits for.
			cancelQuietly(prediction.id());
			return;
		}
		apply(generation, prediction);
		jobs.schedulePoll(generation.id(), jobs.nextPoll(0));
	}

	/**
	 * The model's real inputs only. {@code resolution} is always sent: Replicate's default is the
	 * expensive 1080p tier.
	 */
	private Map<String, Object> input(VideoGeneration generation) throws IOException {
		byte[] image;
		try (InputStream in = media.open(generation.imageKey())) {
			image = in.readAllBytes();
		}
		String contentType = media.stat(generation.imageKey()).contentType();
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("prompt", generation.effectivePrompt());
		input.put("first_frame_image", replicate
			.toInputUri(image, contentType, generation.imageId() + extension(contentType))
			.toString());
		input.put("duration", generation.durationSeconds());
		input.put("resolution", generation.resolution());
		input.put("prompt_optimizer", true);
		return input;
	}

	private static String extension(String contentType) {
		return switch (contentType == null ? "" : contentType) {
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			default -> ".jpg";
		};
	}

	@EventListener
	void on(PredictionUpdated update) {
		generations.findByPrediction(update.prediction().id())
			.filter(generation -> !generation.status().isTerminal())
			.ifPresent(generation -> apply(generation, update.prediction()));
	}

	/** @return when to poll again, or null when the prediction reached its end */
	Instant poll(VideoGeneration generation, int polls) {
		if (generation.predictionId() == null) {
			return Instant.now().plus(jobs.nextPoll(polls));
		}
		try {
			Prediction prediction = replicate.getPrediction(generation.predictionId());
			apply(generation, prediction);
			return prediction.status().isTerminal() ? null : Instant.now().plus(jobs.nextPoll(polls + 1));
		}
		catch (ReplicateException ex) {
			log.info("Polling generation {} failed (HTTP {}); trying again later", generation.id(), ex.status());
			return Instant.now().plus(jobs.nextPoll(polls + 1));
		}
	}

	/** One step for every update, whether it came by webhook or poll, first time or again. */
	void apply(VideoGeneration generation, Prediction prediction) {
		switch (prediction.status()) {
			case STARTING -> {
			}
			case PROCESSING -> {
				if (prediction.progress() != null) {
					lifecycle.progress(generation.id(), prediction.progress());
				}
			}
			case SUCCEEDED -> {
				if (prediction.outputs().isEmpty()) {
					lifecycle.fail(generation.id(), "output_unavailable",
							"The video model finished without a video. Your credits have been refunded.");
				}
				else {
					jobs.scheduleFinish(generation.id(), prediction.outputs().get(0));
				}
			}
			case FAILED -> {
				log.info("Replicate failed generation {}: {}", generation.id(), prediction.error());
				lifecycle.fail(generation.id(), "generation_failed",
						"The video model could not make this video. Try a different image or description. "
								+ "Your credits have been refunded.");
			}
			case CANCELED -> lifecycle.fail(generation.id(), "canceled",
					"This video was canceled before it finished. Your credits have been refunded.");
			case ABORTED -> lifecycle.fail(generation.id(), "aborted",
					"The video model did not start in time. Your credits have been refunded.");
		}
	}

	/**
	 * Copies the output into our media store, then completes. An output Replicate cannot give us
	 * fails the generation; our own storage being briefly unavailable only retries the job.
	 */
	void finish(VideoGeneration generation, String output) {
		try (ScratchDirectory work = ScratchDirectory.create(scratch, "download-")) {
			Path mp4 = work.resolve(generation.id() + ".mp4");
			try {
				replicate.download(URI.create(output), mp4);
			}
			catch (ReplicateException ex) {
				log.warn("Could not fetch the output of generation {}: {}", generation.id(), ex.getMessage());
				lifecycle.fail(generation.id(), "output_unavailable",
						"The finished video could not be downloaded from the video model. Your credits have been refunded.");
				return;
			}
			lifecycle.complete(generation, mp4, OUTPUT_CODEC);
		}
		catch (IOException ex) {
			throw new RetryLater("Could not store the output of " + generation.id(), ex);
		}
	}

	void cancelQuietly(VideoGeneration generation) {
		cancelQuietly(generation.predictionId());
	}

	private void cancelQuietly(String predictionId) {
		try {
			replicate.cancelPrediction(predictionId);
		}
		catch (ReplicateException ex) {
			log.info("Could not cancel prediction {} (HTTP {})", predictionId, ex.status());
		}
	}

}
