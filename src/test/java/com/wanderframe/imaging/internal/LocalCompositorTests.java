package com.wanderframe.imaging.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.wanderframe.Studio;
import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCompositorTests {

	private static final Locations LOCATIONS = new Locations();

	private final LocalCompositor compositor = new LocalCompositor(LOCATIONS);

	@TempDir
	Path dir;

	@Test
	void thePersonAppearsInTheSceneAsA16by9Jpeg() throws IOException {
		Location paris = LOCATIONS.require("paris-at-dusk");

		BufferedImage image = ImageIO.read(generate(photoWithMagentaPatch(), paris, "out.jpg").toFile());

		assertThat(image.getWidth()).isEqualTo(1920);
		assertThat(image.getHeight()).isEqualTo(1080);
		assertThat(magentaPixels(image)).as("the photo's magenta patch survives").isGreaterThan(3000);
		assertThat(magentaPixels(LOCATIONS.backdrop(paris.slug()))).as("the scene has none of its own").isZero();
	}

	@Test
	void theSamePhotoAndPlaceGiveTheSamePicture() throws IOException {
		Location kyoto = LOCATIONS.require("kyoto-in-spring");
		byte[] photo = photoWithMagentaPatch();

		byte[] first = Files.readAllBytes(generate(photo, kyoto, "first.jpg"));
		byte[] second = Files.readAllBytes(generate(photo, kyoto, "second.jpg"));

		assertThat(second).isEqualTo(first);
		// Equal and empty would also be equal: the picture holds the scene and the person.
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(first));
		assertThat(picture.getWidth()).isEqualTo(1920);
		assertThat(magentaPixels(picture)).as("the photo's magenta patch").isGreaterThan(3000);
		assertThat(luminanceDeviation(picture)).as("light and shade, not a flat fill").isGreaterThan(12);
		assertThat(brightness(picture)).isBetween(10.0, 245.0);
	}

	private static double luminanceDeviation(BufferedImage image) {
		double sum = 0;
		double squares = 0;
		int samples = 0;
		for (int y = 0; y < image.getHeight(); y += 4) {
			for (int x = 0; x < image.getWidth(); x += 4) {
				int p = image.getRGB(x, y);
				double l = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
				sum += l;
				squares += l * l;
				samples++;
			}
		}
		double mean = sum / samples;
		return Math.sqrt(squares / samples - mean * mean);
	}

	@Test
	void eachPlaceFramesThePhotoInItsOwnScene() throws IOException {
		byte[] photo = photoWithMagentaPatch();

		BufferedImage alps = ImageIO.read(generate(photo, LOCATIONS.require("swiss-alps"), "alps.jpg").toFile());
		BufferedImage tokyo = ImageIO.read(generate(photo, LOCATIONS.require("tokyo-neon"), "tokyo.jpg").toFile());

		assertThat(alps.getRGB(960, 40)).isNotEqualTo(tokyo.getRGB(960, 40));
		assertThat(brightness(alps)).isGreaterThan(brightness(tokyo) + 30);
	}

	@Test
	void aPhotoThatCannotBeReadFailsWithAReason() {
		assertThatThrownBy(() -> generate(new byte[] { 1, 2, 3 }, LOCATIONS.all().get(0), "broken.jpg"))
			.isInstanceOf(ImageGenerationException.class)
			.hasMessageContaining("could not be read");
	}

	private Path generate(byte[] photo, Location location, String name) throws IOException {
		Path target = dir.resolve(name);
		compositor.generate(new ImageGenerator.ImageRequest(UUID.randomUUID(), ImageGenerator.Photo.of(photo, "image/png"), location, null, java.time.Instant.now(),
				prediction -> {
				}), target);
		return target;
	}

	/** A selfie with a bright magenta square no backdrop contains. */
	static byte[] photoWithMagentaPatch() throws IOException {
		BufferedImage selfie = ImageIO.read(new ByteArrayInputStream(Studio.selfieJpeg(800, 1000)));
		Graphics2D g = selfie.createGraphics();
		g.setColor(new Color(255, 0, 255));
		g.fillRect(500, 150, 200, 200);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(selfie, "png", out);
		return out.toByteArray();
	}

	static int magentaPixels(BufferedImage image) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int p = image.getRGB(x, y);
				int r = (p >> 16) & 0xff;
				int g = (p >> 8) & 0xff;
				int b = p & 0xff;
				if (r > 170 && b > 170 && g < 90) {
					count++;
				}
			}
		}
		return count;
	}

	private static double brightness(BufferedImage image) {
		long sum = 0;
		for (int y = 0; y < image.getHeight(); y += 8) {
			for (int x = 0; x < image.getWidth(); x += 8) {
				int p = image.getRGB(x, y);
				sum += ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff);
			}
		}
		return sum / 3.0 / ((image.getHeight() / 8) * (image.getWidth() / 8));
	}

}
