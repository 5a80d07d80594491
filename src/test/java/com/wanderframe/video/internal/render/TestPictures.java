package com.wanderframe.video.internal.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Pictures with detail everywhere, so motion between frames can be measured anywhere. */
final class TestPictures {

	private TestPictures() {
	}

	/**
	 * Random overlapping discs and bars in mid tones (luma well above black, so a black edge
	 * would stand out), over a smooth gradient.
	 */
	static BufferedImage textured(int width, int height, long seed) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		for (int y = 0; y < height; y++) {
			int shade = 110 + (int) (50.0 * y / height);
			graphics.setColor(new Color(shade, 140, 200 - shade / 2));
			graphics.fillRect(0, y, width, 1);
		}
		Random random = new Random(seed);
		int shapes = width * height / 900;
		double unit = Math.sqrt(width * height) / 60;
		for (int i = 0; i < shapes; i++) {
			graphics.setColor(new Color(70 + random.nextInt(170), 70 + random.nextInt(170), 70 + random.nextInt(170)));
			int x = random.nextInt(width), y = random.nextInt(height);
			int size = (int) (unit * (0.2 + random.nextDouble()));
			if (random.nextBoolean()) {
				graphics.fillOval(x - size / 2, y - size / 2, size, size);
			}
			else {
				graphics.fillRect(x - size / 2, y - size / 6, size, Math.max(1, size / 3));
			}
		}
		graphics.dispose();
		return image;
	}

}
