package com.wanderframe.video.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/**
 * The front-to-back compositing of depth layers against the plain back-to-front "over" a
 * photographer would do, pixel by pixel: whatever shortcuts the walk takes past covered and
 * empty stretches, each pixel shows what the nearer layers let through of the farther ones.
 */
class LayerPlanesTests {

	private static final int FRAME_WIDTH = 400, FRAME_HEIGHT = 220, MARGIN = 10;

	private static final int WIDTH = FRAME_WIDTH + 2 * MARGIN, HEIGHT = FRAME_HEIGHT + 2 * MARGIN;

	private static final double KR = 0.2126, KB = 0.0722, KG = 1 - KR - KB;

	@Test
	void eachPixelShowsWhatTheNearerLayersLetThroughOfTheFartherOnes() {
		// back to front: an opaque sky, stripes with a soft band across them, then a checker of
		// solid, half-transparent and empty cells; more runs per row than the walk keeps stretches
		BufferedImage sky = layer((x, y) -> argb(255, 40 + x / 3, 90 + y / 4, 200 - x / 4));
		BufferedImage stripes = layer((x, y) -> {
			boolean solid = (x / 12) % 2 == 0;
			boolean band = y >= 100 && y < 140;
			return solid ? argb(255, 210, 120, 30) : band ? argb(128, 20, 200, 60) : 0;
		});
		BufferedImage checker = layer((x, y) -> switch ((x / 20 + y / 20) % 3) {
			case 0 -> argb(255, 250, 250, 240);
			case 1 -> argb(96, 0, 0, 180);
			default -> 0;
		});
		BufferedImage[] backToFront = { sky, stripes, checker };

		YuvFrame frame = new YuvFrame(FRAME_WIDTH, FRAME_HEIGHT, FRAME_WIDTH + 16, FRAME_WIDTH / 2 + 16);
		LayerPlanes.Coverage coverage = new LayerPlanes.Coverage(frame);
		coverage.clear(frame);
		// one source pixel per output pixel, output pixel (0, 0) on source pixel (MARGIN, MARGIN)
		Framing.Viewport exact = new Framing.Viewport((WIDTH - 1) / 2.0, (HEIGHT - 1) / 2.0, 1, 0);
		for (int i = backToFront.length - 1; i >= 0; i--) {
			LayerPlanes.of(backToFront[i], 1, i == 0).under(exact, frame, null, coverage);
		}

		int wrong = 0;
		for (int y = 0; y < FRAME_HEIGHT; y++) {
			for (int x = 0; x < FRAME_WIDTH; x++) {
				int expected = luma(over(backToFront, x + MARGIN, y + MARGIN));
				if (Math.abs((frame.y[y * frame.lumaStride + x] & 0xFF) - expected) > 2) {
					wrong++;
				}
			}
		}
		assertThat(wrong).as("pixels whose brightness is not the layers' composite").isZero();
		int wrongColour = 0, checked = 0;
		for (int y = 1; y < FRAME_HEIGHT / 2 - 1; y++) {
			for (int x = 1; x < FRAME_WIDTH / 2 - 1; x++) {
				// every 2x2 block of these layers is one colour; a chroma sample blends neighbouring
				// blocks, so it is checked where they are alike
				int[] rgb = over(backToFront, 2 * x + MARGIN, 2 * y + MARGIN);
				if (!uniformAround(backToFront, 2 * x + MARGIN, 2 * y + MARGIN, rgb)) {
					continue;
				}
				checked++;
				double yPrime = KR * rgb[0] + KG * rgb[1] + KB * rgb[2];
				int cb = (int) Math.round(128 + 224 * (rgb[2] - yPrime) / (2 * (1 - KB) * 255));
				int cr = (int) Math.round(128 + 224 * (rgb[0] - yPrime) / (2 * (1 - KR) * 255));
				int at = y * frame.chromaStride + x;
				if (Math.abs((frame.u[at] & 0xFF) - cb) > 2 || Math.abs((frame.v[at] & 0xFF) - cr) > 2) {
					wrongColour++;
				}
			}
		}
		assertThat(checked).as("chroma samples inside areas of one colour").isGreaterThan(FRAME_WIDTH * FRAME_HEIGHT / 16);
		assertThat(wrongColour).as("chroma samples whose colour is not the layers' composite").isZero();
	}

	/** The layers at a source pixel composited back to front, "over", as 8-bit RGB. */
	private static int[] over(BufferedImage[] backToFront, int x, int y) {
		double r = 0, g = 0, b = 0;
		for (BufferedImage layer : backToFront) {
			int p = layer.getRGB(x, y);
			double a = (p >>> 24) / 255.0;
			r = ((p >> 16) & 0xFF) * a + r * (1 - a);
			g = ((p >> 8) & 0xFF) * a + g * (1 - a);
			b = (p & 0xFF) * a + b * (1 - a);
		}
		return new int[] { (int) Math.round(r), (int) Math.round(g), (int) Math.round(b) };
	}

	private static boolean uniformAround(BufferedImage[] backToFront, int x, int y, int[] rgb) {
		for (int dy = -2; dy <= 2; dy += 2) {
			for (int dx = -2; dx <= 2; dx += 2) {
				if (!java.util.Arrays.equals(over(backToFront, x + dx, y + dy), rgb)) {
					return false;
				}
			}
		}
		return true;
	}

	private static int luma(int[] rgb) {
		return (int) Math.round(16 + 219 / 255.0 * (KR * rgb[0] + KG * rgb[1] + KB * rgb[2]));
	}

	private interface Paint {

		int argb(int x, int y);

	}

	/** A layer painted in 2x2 blocks, so each block's average is the colour of its pixels. */
	private static BufferedImage layer(Paint paint) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				image.setRGB(x, y, paint.argb(x & ~1, y & ~1));
			}
		}
		return image;
	}

	private static int argb(int alpha, int red, int green, int blue) {
		return alpha << 24 | red << 16 | green << 8 | blue;
	}

}
