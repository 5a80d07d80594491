package com.wanderframe.video;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.wanderframe.video.internal.render.LocalMotionRenderer;
import com.wanderframe.video.internal.render.RenderRequest;

/** A real, small H.264 MP4 for a fake provider to hand out as its output. */
final class TestVideos {

	private static byte[] clip;

	private TestVideos() {
	}

	static synchronized byte[] mp4() {
		if (clip == null) {
			try {
				BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = image.createGraphics();
				g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 640, 360, Color.BLUE));
				g.fillRect(0, 0, 640, 360);
				g.dispose();
				Path file = Files.createTempFile("wanderframe-test-", ".mp4");
				new LocalMotionRenderer().render(new RenderRequest(image, "pan right", 1, 144, 25), file, p -> {
				});
				clip = Files.readAllBytes(file);
				Files.delete(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return clip.clone();
	}

}
