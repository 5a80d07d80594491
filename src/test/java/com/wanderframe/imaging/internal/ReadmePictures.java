package com.wanderframe.imaging.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.wanderframe.location.Locations;
import com.wanderframe.location.Stage;
import com.wanderframe.segmentation.PersonSegmentation;
import com.wanderframe.segmentation.TestPortraits;
import com.wanderframe.video.internal.render.LocalMotionRenderer;
import com.wanderframe.video.internal.render.Mp4Files;
import com.wanderframe.video.internal.render.RenderRequest;
import com.wanderframe.video.internal.render.SceneLayers;

/**
 * Writes the README's two pictures, made by the project itself: step 3's still (NASA's
 * astronaut portrait, cut out and standing in Paris at dusk) and one frame from the middle of
 * the local video of it (parallax through its layers, the Seine shimmering). Not a test; run
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.wanderframe.imaging.internal.ReadmePictures}.
 */
public final class ReadmePictures {

	private ReadmePictures() {
	}

	public static void main(String[] args) throws IOException {
		Path docs = Path.of(args.length > 0 ? args[0] : "docs/images");
		Files.createDirectories(docs);
		Locations locations = new Locations();
		try (PersonSegmentation segmentation = new PersonSegmentation()) {
			Path work = Files.createTempDirectory("readme-pictures");
			Path still = work.resolve("still.jpg");
			new LocalCompositor(locations, segmentation).generate(new ImageGenerator.ImageRequest(UUID.randomUUID(),
					ImageGenerator.Photo.of(Files.readAllBytes(TestPortraits.astronautFile()), "image/png"),
					locations.require("paris-at-dusk"), null, Instant.now(), id -> {
					}), still);
			BufferedImage image = ImageIO.read(still.toFile());
			LocalCompositor.writeJpeg(half(image), docs.resolve("step3-astronaut-in-paris.jpg"), 0.82f);

			Path layersDirectory = LocalCompositor.layersDirectory(still);
			List<SceneLayers.Layer> layers = new ArrayList<>();
			for (String name : new String[] { "sky", "far", "middle", "near", "subject" }) {
				layers.add(new SceneLayers.Layer(name, ImageIO.read(layersDirectory.resolve(name + ".png").toFile()),
						SceneLayers.parallaxOf(name), name.equals("subject")));
			}
			Stage stage = locations.stage("paris-at-dusk");
			Rectangle subject = SceneCompositeTests
				.subject(Files.readString(layersDirectory.resolve(LocalCompositor.SCENE_FILE)));
			Path mp4 = work.resolve("clip.mp4");
			new LocalMotionRenderer().render(new RenderRequest(image, "slow pan right, gentle wind", 6, 768, 25,
					new SceneLayers(layers, stage.horizon(), subject, stage.ambient())), mp4, percent -> {
					});
			ImageIO.write(Mp4Files.decodeFrame(mp4, 100), "jpg", docs.resolve("step4-video-frame.jpg").toFile());
		}
	}

	private static BufferedImage half(BufferedImage image) {
		BufferedImage out = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
		g.dispose();
		return out;
	}

}
