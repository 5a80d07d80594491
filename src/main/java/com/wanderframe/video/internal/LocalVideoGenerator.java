package com.wanderframe.video.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.wanderframe.generation.Failure;
import com.wanderframe.generation.GenerationFailedException;
import com.wanderframe.generation.GenerationInputs;
import com.wanderframe.generation.GenerationJob;
import com.wanderframe.generation.Generator;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.RetryLater;
import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaStore;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.video.internal.render.LocalMotionRenderer;
import com.wanderframe.video.internal.render.RenderRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The catalogue's {@code local/motion}: the camera moves over the still image as the prompt or
 * template describes, rendered and encoded to H.264 by {@link LocalMotionRenderer}.
 */
@Component
class LocalVideoGenerator implements Generator {

	private static final Logger log = LoggerFactory.getLogger(LocalVideoGenerator.class);

	private static final int FPS = 25;

	/** Each progress write notifies every follower; a step of a few percent is smooth enough. */
	private static final int PROGRESS_STEP = 4;

	private final LocalMotionRenderer renderer;

	private final MediaStore media;

	private final VideoProperties properties;

	private final GenerationMetrics metrics;

	private final RenderQueue queue;

	private final DepthLayers depthLayers;

	LocalVideoGenerator(LocalMotionRenderer renderer, MediaStore media, VideoProperties properties,
			GenerationMetrics metrics, DepthLayers depthLayers, RenderQueue queue) {
		this.queue = queue;
		this.metrics = metrics;
		this.depthLayers = depthLayers;
		this.renderer = renderer;
		this.media = media;
		this.properties = properties;
	}

	@Override
	public String model() {
		return ModelCatalogue.LOCAL_MOTION;
	}

	/** Renders wait for one of this instance's render slots ({@code WANDERFRAME_RENDER_CONCURRENCY}). */
	@Override
	public boolean queuesForCapacity() {
		return true;
	}

	@Override
	public Step start(GenerationJob job) throws IOException {
		GenerationInputs inputs = job.inputs();
		if (properties.hasLocalFailurePhrase() && inputs.prompt().contains(properties.localFailurePhrase())) {
			throw new GenerationFailedException(Failure.Reason.GENERATION_FAILED, "the test failure phrase");
		}
		Path mp4 = job.workDir().resolve(job.id() + ".mp4");
		BufferedImage image = firstFrame(inputs.images().get(GenerationInputs.FIRST_FRAME));
		int shortSide = Integer.parseInt(inputs.resolution().substring(0, inputs.resolution().length() - 1));
		RenderQueue.Slot slot = waitForSlot(job);
		try {
			long began = System.nanoTime();
			int[] reported = { 0 };
			String imageKey = inputs.images().get(GenerationInputs.FIRST_FRAME);
			renderer.render(new RenderRequest(image, inputs.prompt(), inputs.duration(), shortSide, FPS,
					depthLayers.of(imageKey, image)), VideoGenerations.camera(inputs.context().get(VideoKind.CAMERA)),
					mp4,
					percent -> {
						if (percent >= reported[0] + PROGRESS_STEP) {
							reported[0] = percent;
							job.progress().accept(percent);
						}
					});
			metrics.rendered((long) inputs.duration() * FPS, java.time.Duration.ofNanos(System.nanoTime() - began));
		}
		catch (InterruptedIOException ex) {
			// Shutting down: the job runs again after the restart and renders from the start.
			throw new RetryLater("Render of " + job.id() + " interrupted", ex);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Local render of generation {} failed", job.id(), ex);
			throw new GenerationFailedException(Failure.Reason.RENDER_FAILED, ex.toString(), ex);
		}
		finally {
			slot.close();
		}
		return new Step.Produced(mp4);
	}

	/** Queued ({@code pending}) until a render slot is ours; from then on processing. */
	private RenderQueue.Slot waitForSlot(GenerationJob job) {
		RenderQueue.Slot slot;
		try {
			slot = queue.take(job.row());
		}
		catch (InterruptedIOException ex) {
			// Shutting down: the job runs again (here or elsewhere), still queued, charged once.
			throw new RetryLater("Render of " + job.id() + " interrupted while queued", ex);
		}
		job.progress().accept(0);
		return slot;
	}

	private BufferedImage firstFrame(String key) throws IOException {
		try (InputStream in = media.open(key)) {
			BufferedImage image = ImageIO.read(in);
			if (image == null) {
				throw new GenerationFailedException(Failure.Reason.SOURCE_UNAVAILABLE, key + " is not readable");
			}
			return image;
		}
		catch (MediaNotFoundException ex) {
			throw new GenerationFailedException(Failure.Reason.SOURCE_UNAVAILABLE, key + " is gone", ex);
		}
	}

}
