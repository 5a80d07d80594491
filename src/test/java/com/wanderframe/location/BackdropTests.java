package com.wanderframe.location;

import java.awt.image.BufferedImage;

import com.wanderframe.location.internal.LocationCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackdropTests {

	@Test
	void aPlaceIsPaintedTheSameEveryTime() {
		for (Location location : LocationCatalog.all().subList(0, 3)) {
			BufferedImage first = LocationCatalog.paint(location);
			BufferedImage second = LocationCatalog.paint(location);

			assertThat(pixels(second)).as(location.slug()).isEqualTo(pixels(first));
			// The same picture twice is only worth something if it is a picture: a blank or flat
			// fill would also repeat itself.
			assertThat(first.getWidth()).as(location.slug()).isGreaterThanOrEqualTo(1280);
			assertThat(luminanceDeviation(first)).as(location.slug() + ": light and shade").isGreaterThan(12);
			assertThat(distinctColours(first)).as(location.slug() + ": colours").isGreaterThan(500);
			assertThat(rowMean(first, 0.05)).as(location.slug() + ": sky differs from ground")
				.isNotCloseTo(rowMean(first, 0.95), org.assertj.core.data.Offset.offset(8.0));
		}
	}

	private static double luminance(int rgb) {
		return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
	}

	private static double luminanceDeviation(BufferedImage image) {
		double sum = 0;
		double squares = 0;
		int[] pixels = pixels(image);
		for (int rgb : pixels) {
			double l = luminance(rgb);
			sum += l;
			squares += l * l;
		}
		double mean = sum / pixels.length;
		return Math.sqrt(squares / pixels.length - mean * mean);
	}

	private static long distinctColours(BufferedImage image) {
		return java.util.Arrays.stream(pixels(image)).map(rgb -> rgb & 0xffffff).distinct().count();
	}

	/** The mean luminance of the row at {@code fraction} of the height. */
	private static double rowMean(BufferedImage image, double fraction) {
		int y = (int) (fraction * (image.getHeight() - 1));
		double sum = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			sum += luminance(image.getRGB(x, y));
		}
		return sum / image.getWidth();
	}

	private static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

}
