package com.wanderframe.imaging.internal;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
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
import com.wanderframe.video.internal.render.ParallaxCost;
import com.wanderframe.video.internal.render.RenderRequest;
import com.wanderframe.video.internal.render.SceneLayers;

/**
 * Writes the README's two pictures, made by the project itself: step 3's still (NASA's
 * astronaut portrait, cut out and standing in Paris at dusk) and one frame from the middle of
 * the local video of it (parallax through its layers, the Seine shimmering). Not a test
 * (surefire runs only *Tests); run it by hand:
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     com.wanderframe.imaging.internal.ReadmePictures [docs/images]
 * </pre>
 *
 * With {@code --cost [rounds]} it times the clip instead, flat and through the layers
 * ({@link ParallaxCost}).
 */
public final class ReadmePictures {

	static final String PROMPT = "slow pan right, gentle wind";

	private ReadmePictures() {
	}

	/** Step 3's picture of the astronaut in Paris at dusk and the layers it was made from. */
	record Composite(BufferedImage image, SceneLayers layers) {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--cost")) {
			Composite composite = astronautInParis(Files.createTempDirectory("render-cost"));
			ParallaxCost.compare("the astronaut in Paris at dusk", composite.image(), composite.layers(),
					args.length > 1 ? Integer.parseInt(args[1]) : 3);
			return;
		}
		Path docs = Path.of(args.length > 0 ? args[0] : "docs/images");
		Files.createDirectories(docs);
		Path work = Files.createTempDirectory("readme-pictures");
		Composite composite = astronautInParis(work);
		LocalCompositor.writeJpeg(half(composite.image()), docs.resolve("step3-astronaut-in-paris.jpg"), 0.82f);
		Path mp4 = work.resolve("clip.mp4");
		new LocalMotionRenderer().render(
				new RenderRequest(composite.image(), PROMPT, 6, 768, 25, composite.layers()), mp4, percent -> {
				});
		LocalCompositor.writeJpeg(Mp4Files.decodeFrame(mp4, 100), docs.resolve("step4-video-frame.jpg"), 0.85f);
	}

	static Composite astronautInParis(Path work) throws IOException {
		Locations locations = new Locations();
		try (PersonSegmentation segmentation = new PersonSegmentation()) {
			Path still = work.resolve("still.jpg");
			new LocalCompositor(locations, segmentation).generate(new ImageGenerator.ImageRequest(UUID.randomUUID(),
					ImageGenerator.Photo.of(Files.readAllBytes(TestPortraits.astronautFile()), "image/png"),
					locations.require("paris-at-dusk"), null, Instant.now(), id -> {
					}), still);
			BufferedImage image = ImageIO.read(still.toFile());
			Path layersDirectory = LocalCompositor.layersDirectory(still);
			List<SceneLayers.Layer> layers = new ArrayList<>();
			// the caption and vignette too, held still in front of the scene as the app's video has them
			for (String name : new String[] { "sky", "far", "middle", "near", "subject", SceneLayers.CAPTION }) {
				layers.add(new SceneLayers.Layer(name, ImageIO.read(layersDirectory.resolve(name + ".png").toFile()),
						SceneLayers.parallaxOf(name), name.equals("subject")));
			}
			Stage stage = locations.stage("paris-at-dusk");
			Rectangle subject = SceneCompositeTests
				.subject(Files.readString(layersDirectory.resolve(LocalCompositor.SCENE_FILE)));
			return new Composite(image, new SceneLayers(layers, stage.horizon(), subject, stage.ambient()));
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
