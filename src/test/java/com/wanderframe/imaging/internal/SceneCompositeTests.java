package com.wanderframe.imaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import com.wanderframe.segmentation.PersonSegmentation;
import com.wanderframe.segmentation.TestPortraits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step 3 with a real portrait: the astronaut, cut out of NASA's studio, standing in the place. */
class SceneCompositeTests {

	private static final Locations LOCATIONS = new Locations();

	private static final PersonSegmentation SEGMENTATION = new PersonSegmentation();

	private final LocalCompositor compositor = new LocalCompositor(LOCATIONS, SEGMENTATION);

	@TempDir
	Path dir;

	@AfterAll
	static void close() {
		SEGMENTATION.close();
	}

	@Test
	void theAstronautStandsInParisWithNoneOfHerStudio() throws IOException {
		Location paris = LOCATIONS.require("paris-at-dusk");
		Path target = generate(Files.readAllBytes(TestPortraits.astronautFile()), paris, "paris.jpg");
		BufferedImage image = ImageIO.read(target.toFile());
		Files.createDirectories(Path.of("target/screenshots"));
		Files.copy(target, Path.of("target/screenshots/astronaut-in-paris.jpg"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		Path layers = LocalCompositor.layersDirectory(target);
		String scene = Files.readString(layers.resolve(LocalCompositor.SCENE_FILE));
		Rectangle subject = subject(scene);
		assertThat(subject.width).isGreaterThan(300);
		assertThat(subject.height).isGreaterThan(600);
		for (String layer : new String[] { "sky", "far", "middle", "near", "subject" }) {
			assertThat(layers.resolve(layer + ".png")).as(layer).isRegularFile();
		}

		// Her orange suit is there, where the subject box says...
		assertThat(orangeShare(image, subject)).as("the suit inside the subject box").isGreaterThan(0.12);
		// ...and nothing of her studio: no flag stripes, no grey backdrop, no white shuttle model.
		assertThat(studioGreyShare(image, subject)).as("NASA's grey backdrop where she stands").isLessThan(0.004);
		assertThat(flagRedShare(image, subject)).as("the flag's red stripes around her").isLessThan(0.002);
	}

	@Test
	void theLayersKeepThePicturesCaptionSoTheLayeredVideoShowsThePlacesNameToo() throws IOException {
		Location alps = LOCATIONS.require("swiss-alps");
		Path target = generate(Files.readAllBytes(TestPortraits.astronautFile()), alps, "alps-caption.jpg");
		BufferedImage image = ImageIO.read(target.toFile());
		Path layers = LocalCompositor.layersDirectory(target);
		String scene = Files.readString(layers.resolve(LocalCompositor.SCENE_FILE));
		assertThat(scene).contains("\"name\":\"caption\"");
		BufferedImage caption = ImageIO.read(layers.resolve("caption.png").toFile());
		assertThat(caption.getWidth()).isEqualTo(image.getWidth());

		// The name is drawn at the bottom: the strip there, the caption layer laid over the
		// scene's layers, looks like the picture; the scene's layers alone do not.
		Rectangle strip = new Rectangle(0, image.getHeight() * 80 / 100, image.getWidth(), image.getHeight() * 20 / 100);
		BufferedImage scenery = stacked(layers, "sky", "far", "middle", "near", "subject");
		BufferedImage captioned = stacked(layers, "sky", "far", "middle", "near", "subject", "caption");
		double without = meanDifference(scenery, image, strip), with = meanDifference(captioned, image, strip);
		assertThat(with).as("with the caption layer (without it: %.1f)", without).isLessThan(without / 3);
	}

	/** The named layers drawn over each other, unmoved. */
	private static BufferedImage stacked(Path layers, String... names) throws IOException {
		BufferedImage out = null;
		java.awt.Graphics2D g = null;
		for (String name : names) {
			BufferedImage layer = ImageIO.read(layers.resolve(name + ".png").toFile());
			if (out == null) {
				out = new BufferedImage(layer.getWidth(), layer.getHeight(), BufferedImage.TYPE_INT_RGB);
				g = out.createGraphics();
			}
			g.drawImage(layer, 0, 0, null);
		}
		g.dispose();
		return out;
	}

	private static double meanDifference(BufferedImage a, BufferedImage b, Rectangle area) {
		double sum = 0;
		for (int y = area.y; y < area.y + area.height; y++) {
			for (int x = area.x; x < area.x + area.width; x++) {
				int p = a.getRGB(x, y), q = b.getRGB(x, y);
				sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
						+ Math.abs((p & 0xff) - (q & 0xff));
			}
		}
		return sum / (3.0 * area.width * area.height);
	}

	@Test
	void theSamePortraitAndPlaceGiveTheSamePicture() throws IOException {
		byte[] photo = Files.readAllBytes(TestPortraits.astronautFile());
		Location alps = LOCATIONS.require("swiss-alps");
		byte[] first = Files.readAllBytes(generate(photo, alps, "first.jpg"));
		byte[] second = Files.readAllBytes(generate(photo, alps, "second.jpg"));
		assertThat(second).isEqualTo(first);
	}

	@Test
	void aPhotoWithoutAPersonIsFramedWholeAndKeepsThePrintAndItsCaptionAsLayers() throws IOException {
		Path target = generate(Files.readAllBytes(TestPortraits.coffeeFile()), LOCATIONS.require("venice-canals"),
				"coffee.jpg");
		BufferedImage image = ImageIO.read(target.toFile());
		Path layers = LocalCompositor.layersDirectory(target);
		String scene = Files.readString(layers.resolve(LocalCompositor.SCENE_FILE));
		assertThat(scene).contains("\"subject\":null", "\"name\":\"print\",\"depth\":0",
				"\"name\":\"caption\",\"depth\":1");

		// The picture a person downloads still shows the name; the print alone has none of it.
		Rectangle strip = new Rectangle(0, image.getHeight() * 80 / 100, image.getWidth(), image.getHeight() * 20 / 100);
		double without = meanDifference(stacked(layers, "print"), image, strip);
		double with = meanDifference(stacked(layers, "print", "caption"), image, strip);
		assertThat(with).as("with the caption layer (without it: %.1f)", without).isLessThan(without / 3);
	}

	static Rectangle subject(String sceneJson) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("\"subject\":\\{\"x\":(\\d+),\"y\":(\\d+),\"width\":(\\d+),\"height\":(\\d+)}")
			.matcher(sceneJson);
		assertThat(m.find()).as(sceneJson).isTrue();
		return new Rectangle(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
				Integer.parseInt(m.group(4)));
	}

	private Path generate(byte[] photo, Location location, String name) throws IOException {
		Path target = dir.resolve(name);
		compositor.generate(new ImageGenerator.ImageRequest(UUID.randomUUID(), ImageGenerator.Photo.of(photo, "image/png"),
				location, null, Instant.now(), id -> {
				}), target);
		return target;
	}

	/** The suit: saturated orange. */
	private static double orangeShare(BufferedImage image, Rectangle area) {
		int count = 0;
		for (int y = area.y; y < area.y + area.height; y++) {
			for (int x = area.x; x < area.x + area.width; x++) {
				int p = image.getRGB(x, y);
				int r = (p >> 16) & 0xff;
				int g = (p >> 8) & 0xff;
				int b = p & 0xff;
				if (r > 150 && r - g > 50 && g - b > 10 && r - b > 90) {
					count++;
				}
			}
		}
		return (double) count / (area.width * area.height);
	}

	/** The studio backdrop: light, neutral grey-beige, which the dusk scene does not have. */
	private static double studioGreyShare(BufferedImage image, Rectangle subject) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y += 2) {
			for (int x = 0; x < image.getWidth(); x += 2) {
				if (!subject.contains(x, y)) {
					continue;
				}
				int p = image.getRGB(x, y);
				int r = (p >> 16) & 0xff;
				int g = (p >> 8) & 0xff;
				int b = p & 0xff;
				int max = Math.max(r, Math.max(g, b));
				int min = Math.min(r, Math.min(g, b));
				// Her helmet's highlights are whiter than the backdrop's grey-beige.
				if (max > 165 && max < 215 && max - min < 14) {
					count++;
				}
			}
		}
		return count / (subject.width * subject.height / 4.0);
	}

	/** The flag's stripes: deep red, left of her, which Paris at dusk does not paint. */
	private static double flagRedShare(BufferedImage image, Rectangle subject) {
		int count = 0;
		int total = 0;
		for (int y = subject.y; y < image.getHeight(); y++) {
			for (int x = Math.max(0, subject.x - 200); x < subject.x + subject.width * 0.15; x++) {
				int p = image.getRGB(x, y);
				int r = (p >> 16) & 0xff;
				int g = (p >> 8) & 0xff;
				int b = p & 0xff;
				total++;
				if (r > 140 && g < 60 && b < 70) {
					count++;
				}
			}
		}
		return total == 0 ? 0 : (double) count / total;
	}

}
