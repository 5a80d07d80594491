package com.wanderframe.video.internal.render;

import java.awt.image.BufferedImage;

/**
 * What to render: the picture, the prompt whose camera language gives the move, the clip length,
 * the short side of the video in pixels (512, 768, 1080) and the frame rate; with {@code layers}
 * (the picture taken apart by depth, or null) the camera moves through them in parallax and the
 * place's own motion plays.
 */
public record RenderRequest(BufferedImage image, String prompt, int durationSeconds, int shortSide, int fps,
		SceneLayers layers) {

	/** A flat picture: the camera moves over it as one plane. */
	public RenderRequest(BufferedImage image, String prompt, int durationSeconds, int shortSide, int fps) {
		this(image, prompt, durationSeconds, shortSide, fps, null);
	}

	public RenderRequest {
		if (image == null || image.getWidth() < 2 || image.getHeight() < 2) {
			throw new IllegalArgumentException("A picture of at least 2x2 pixels is needed");
		}
		if (durationSeconds < 1 || durationSeconds > 60) {
			throw new IllegalArgumentException("Duration must be 1 to 60 seconds: " + durationSeconds);
		}
		if (shortSide < 16 || shortSide > 2160 || shortSide % 2 != 0) {
			throw new IllegalArgumentException("The short side must be an even number of pixels, 16 to 2160: "
					+ shortSide);
		}
		if (fps < 1 || fps > 60) {
			throw new IllegalArgumentException("Frame rate must be 1 to 60: " + fps);
		}
		prompt = prompt == null ? "" : prompt;
	}

	public int frameCount() {
		return durationSeconds * fps;
	}

}
