package com.wanderframe.video.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.media.MediaStore;
import com.wanderframe.video.internal.render.LocalMotionRenderer;
import com.wanderframe.video.internal.render.RenderRequest;

import org.springframework.stereotype.Component;

/**
 * Makes the video on this machine: the camera moves over the still image as the prompt or
 * template describes, rendered and encoded to H.264 by {@link LocalMotionRenderer}.
 */
@Component
class LocalVideoGenerator implements VideoGenerator {

	static final String MODEL = "wanderframe/local-motion";

	private static final Logger log = LoggerFactory.getLogger(LocalVideoGenerator.class);

	private static final int FPS = 25;

	/** Each progress write notifies every follower; a step of a few percent is smooth enough. */
	private static final int PROGRESS_STEP = 4;

	private final LocalMotionRenderer renderer;

	private final MediaStore media;

	private final VideoGenerations generations;

	private final VideoLifecycle lifecycle;

	private final VideoProperties properties;

	private final DepthLayers depthLayers;

	LocalVideoGenerator(LocalMotionRenderer renderer, MediaStore media, VideoGenerations generations,
			VideoLifecycle lifecycle, VideoProperties properties, DepthLayers depthLayers) {
		this.depthLayers = depthLayers;
		this.renderer = renderer;
		this.media = media;
		this.generations = generations;
		this.lifecycle = lifecycle;
		this.properties = properties;
	}

	@Override
	public String model() {
		return MODEL;
	}

	@Override
	public void start(VideoGeneration generation) {
		if (!generations.markProcessing(generation.id())) {
			return;
		}
		if (properties.hasLocalFailurePhrase() && generation.prompt().contains(properties.localFailurePhrase())) {
			lifecycle.fail(generation.id(), "generation_failed",
					"The video could not be generated. Your credits have been refunded.");
			return;
		}
		try (ScratchDirectory work = ScratchDirectory.create("wanderframe-video-")) {
			Path mp4 = work.resolve(generation.id() + ".mp4");
			if (render(generation, mp4)) {
				try {
					lifecycle.complete(generation, mp4);
				}
				catch (IOException ex) {
					throw new RetryLater("Could not store the video of " + generation.id(), ex);
				}
			}
		}
		catch (IOException ex) {
			throw new RetryLater("No scratch space for " + generation.id(), ex);
		}
	}

	/** @return whether the video was rendered; a render that cannot be done fails the generation */
	private boolean render(VideoGeneration generation, Path mp4) {
		try {
			BufferedImage image = firstFrame(generation);
			int[] reported = { 0 };
			renderer.render(new RenderRequest(image, generation.effectivePrompt(), generation.durationSeconds(),
					generation.resolutionValue().shortSide(), FPS, depthLayers.of(generation.imageKey(), image)), mp4,
					percent -> {
						if (percent >= reported[0] + PROGRESS_STEP) {
							reported[0] = percent;
							lifecycle.progress(generation.id(), percent);
						}
					});
			return true;
		}
		catch (InterruptedIOException ex) {
			// Shutting down: the job runs again after the restart and renders from the start.
			throw new RetryLater("Render of " + generation.id() + " interrupted", ex);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Local render of generation {} failed", generation.id(), ex);
			lifecycle.fail(generation.id(), "render_failed",
					"We could not render this video. Your credits have been refunded.");
			return false;
		}
	}

	private BufferedImage firstFrame(VideoGeneration generation) throws IOException {
		try (InputStream in = media.open(generation.imageKey())) {
			BufferedImage image = ImageIO.read(in);
			if (image == null) {
				throw new IOException("The source image of " + generation.id() + " is not readable");
			}
			return image;
		}
	}

}
