package com.wanderframe.photos.internal;

import java.awt.image.BufferedImage;
import java.util.function.IntBinaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the eight EXIF orientations turns the stored pixels into what a camera's viewer
 * shows, pixel for pixel.
 */
class ExifOrientationTests {

	static final int W = 3;

	static final int H = 2;

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void everyOrientationShowsThePhotoAsTheCameraSawIt(int orientation) {
		BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				stored.setRGB(x, y, pixel(x, y));
			}
		}

		BufferedImage shown = ExifOrientation.apply(stored, orientation);

		boolean swapped = orientation >= 5;
		assertThat(shown.getWidth()).isEqualTo(swapped ? H : W);
		assertThat(shown.getHeight()).isEqualTo(swapped ? W : H);
		// Where each shown pixel comes from in the stored image, straight from the EXIF definitions.
		IntBinaryOperator sourceX = switch (orientation) {
			case 1, 4 -> (x, y) -> x;
			case 2, 3 -> (x, y) -> W - 1 - x;
			case 5, 6 -> (x, y) -> y;
			default -> (x, y) -> W - 1 - y; // 7, 8
		};
		IntBinaryOperator sourceY = switch (orientation) {
			case 1, 2 -> (x, y) -> y;
			case 3, 4 -> (x, y) -> H - 1 - y;
			case 5, 8 -> (x, y) -> x;
			default -> (x, y) -> H - 1 - x; // 6, 7
		};
		for (int y = 0; y < shown.getHeight(); y++) {
			for (int x = 0; x < shown.getWidth(); x++) {
				assertThat(shown.getRGB(x, y) & 0xffffff).as("orientation %d at %d,%d", orientation, x, y)
					.isEqualTo(pixel(sourceX.applyAsInt(x, y), sourceY.applyAsInt(x, y)) & 0xffffff);
			}
		}
	}

	private static int pixel(int x, int y) {
		return 0xff000000 | ((x * 80) << 16) | ((y * 120) << 8) | 7;
	}

}
