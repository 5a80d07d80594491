package com.wanderframe.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model on real photographs. */
class PersonSegmentationTests {

	static PersonSegmentation segmentation;

	@BeforeAll
	static void load() {
		segmentation = new PersonSegmentation();
		assertThat(segmentation.available())
			.as("the segmentation model is built into target/classes by `npm pack` (is npm installed?)")
			.isTrue();
	}

	@AfterAll
	static void close() {
		segmentation.close();
	}

	@Test
	void theAstronautIsCutOutOfTheStudio() throws Exception {
		PersonMatte matte = segmentation.find(TestPortraits.astronaut()).orElseThrow();
		BufferedImage cutout = matte.cutout();
		Path out = Path.of("target/screenshots/astronaut-cutout.png");
		Files.createDirectories(out.getParent());
		ImageIO.write(cutout, "png", out.toFile());

		// Opaque over her face and her suit.
		assertThat(meanAlpha(matte, 200, 90, 50, 60)).as("face").isGreaterThan(0.95);
		assertThat(meanAlpha(matte, 100, 330, 80, 100)).as("suit").isGreaterThan(0.95);
		// Transparent over the grey backdrop and the flag.
		assertThat(meanAlpha(matte, 330, 20, 40, 80)).as("backdrop").isLessThan(0.05);
		assertThat(meanAlpha(matte, 0, 80, 20, 120)).as("flag").isLessThan(0.05);
		Rectangle bounds = matte.bounds();
		assertThat(bounds.y).as("top of her hair").isBetween(5, 40);
	}

	@Test
	void aCupOfCoffeeHasNobodyInIt() {
		assertThat(segmentation.find(TestPortraits.coffee())).isEmpty();
	}

	/**
	 * A test run builds one per Spring context, a long-lived process may build more: each must
	 * still find the person after the first ten (javacpp's limit of callbacks per class).
	 */
	@Test
	void everySegmentationBuiltInTheProcessFindsThePerson() {
		java.util.List<PersonSegmentation> built = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 14; i++) {
				built.add(new PersonSegmentation());
			}
			BufferedImage astronaut = TestPortraits.astronaut();
			for (int i = 0; i < built.size(); i++) {
				assertThat(built.get(i).find(astronaut)).as("segmentation number %d", i + 1).isPresent();
			}
		}
		finally {
			built.forEach(PersonSegmentation::close);
		}
	}

	private static double meanAlpha(PersonMatte matte, int x, int y, int w, int h) {
		double sum = 0;
		for (int yy = y; yy < y + h; yy++) {
			for (int xx = x; xx < x + w; xx++) {
				sum += matte.alphaAt(xx, yy);
			}
		}
		return sum / (w * h);
	}

}
