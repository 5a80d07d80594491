package com.wanderframe.segmentation.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

final class Images {

	private Images() {
	}

	/** Halves a big picture while it stays at least {@code width×height}, so a final bilinear step does not alias. */
	static BufferedImage halvedToward(BufferedImage source, int width, int height) {
		BufferedImage current = source;
		while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
			BufferedImage half = new BufferedImage(current.getWidth() / 2, current.getHeight() / 2,
					BufferedImage.TYPE_INT_RGB);
			Graphics2D g = half.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(current, 0, 0, half.getWidth(), half.getHeight(), null);
			g.dispose();
			current = half;
		}
		return current;
	}

}
