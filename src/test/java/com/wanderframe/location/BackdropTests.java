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
		}
	}

	private static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

}
