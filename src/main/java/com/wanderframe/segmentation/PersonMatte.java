package com.wanderframe.segmentation;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Where the person is in a photo: a soft matte (0 background .. 1 person) and the person's own
 * colours, both at the working size ({@link #width()}×{@link #height()}, the photo scaled to at
 * most {@link PersonSegmentation#MAX_SIDE} on its long side).
 */
public final class PersonMatte {

	private final int width;

	private final int height;

	private final float[] alpha;

	private final int[] foreground;

	private final Rectangle bounds;

	private final double coverage;

	PersonMatte(int width, int height, float[] alpha, int[] foreground) {
		this.width = width;
		this.height = height;
		this.alpha = alpha;
		this.foreground = foreground;
		int minX = width;
		int minY = height;
		int maxX = -1;
		int maxY = -1;
		long solid = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if (alpha[y * width + x] >= 0.5f) {
					solid++;
					minX = Math.min(minX, x);
					maxX = Math.max(maxX, x);
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
			}
		}
		this.bounds = maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
		this.coverage = (double) solid / ((long) width * height);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** The matte at a pixel of the working size, 0..1. */
	public float alphaAt(int x, int y) {
		return alpha[y * width + x];
	}

	/** The box around the person (matte at least one half), in working-size pixels. */
	public Rectangle bounds() {
		return new Rectangle(bounds);
	}

	/** The share of the photo the person covers. */
	public double coverage() {
		return coverage;
	}

	/** The person on transparency (ARGB, not premultiplied), at the working size. */
	public BufferedImage cutout() {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		int[] pixels = new int[width * height];
		for (int i = 0; i < pixels.length; i++) {
			int a = Math.round(alpha[i] * 255);
			pixels[i] = (a << 24) | (foreground[i] & 0xffffff);
		}
		image.setRGB(0, 0, width, height, pixels, 0, width);
		return image;
	}

	/** The matte as a grey picture (white is the person), at the working size. */
	public BufferedImage matteImage() {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		byte[] values = new byte[width * height];
		for (int i = 0; i < values.length; i++) {
			values[i] = (byte) Math.round(alpha[i] * 255);
		}
		image.getRaster().setDataElements(0, 0, width, height, values);
		return image;
	}

}
