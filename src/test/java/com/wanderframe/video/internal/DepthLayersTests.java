package com.wanderframe.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import com.wanderframe.location.Locations;
import com.wanderframe.segmentation.PersonSegmentation;
import com.wanderframe.segmentation.TestPortraits;
import com.wanderframe.video.internal.render.SceneLayers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A picture made without layers (an upload, a Replicate image) still moves in depth: the same
 * segmentation as step 3 takes the person out of the real NASA portrait, and the background
 * behind them is filled.
 */
class DepthLayersTests {

	private static PersonSegmentation segmentation;

	@BeforeAll
	static void model() {
		segmentation = new PersonSegmentation();
	}

	@AfterAll
	static void close() {
		segmentation.close();
	}

	@Test
	void aPortraitWithoutLayersGetsThePersonInFrontOfTheFilledBackground() {
		BufferedImage photo = TestPortraits.astronaut();

		SceneLayers scene = new DepthLayers(null, new Locations(), segmentation).of(null, photo);

		assertThat(scene).as("a person was found").isNotNull();
		assertThat(scene.layers()).extracting(SceneLayers.Layer::name).containsExactly("background", "person");
		SceneLayers.Layer background = scene.layers().get(0), person = scene.layers().get(1);
		assertThat(person.subject()).isTrue();
		assertThat(person.parallax()).as("the person moves more than what is behind them")
			.isGreaterThan(background.parallax());
		assertThat(scene.subject().contains(225, 120)).as("the subject's box holds the face").isTrue();
		assertThat(alpha(person.image(), 225, 120)).as("the face is in the person's layer").isGreaterThan(240);
		assertThat(alpha(person.image(), 20, 20)).as("the photo's top corner is not").isLessThan(16);
		long opaque = 0, changed = 0;
		for (int y = 0; y < photo.getHeight(); y++) {
			for (int x = 0; x < photo.getWidth(); x++) {
				if (alpha(person.image(), x, y) > 240) {
					opaque++;
					if (difference(photo.getRGB(x, y), background.image().getRGB(x, y)) > 30) {
						changed++;
					}
				}
			}
		}
		assertThat(changed).as("behind the person the background is filled, not a copy of them")
			.isGreaterThan(opaque * 7 / 10);
	}

	private static int alpha(BufferedImage image, int x, int y) {
		return image.getRGB(x, y) >>> 24;
	}

	private static int difference(int a, int b) {
		return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) + Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF))
				+ Math.abs((a & 0xFF) - (b & 0xFF));
	}

}
