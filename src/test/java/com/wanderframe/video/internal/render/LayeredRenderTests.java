package com.wanderframe.video.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.wanderframe.location.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 4 through depth layers, looked at the way a viewer would: decoded frames, content
 * tracked by block matching.
 */
class LayeredRenderTests {

	private static final int W = 1280, H = 720;

	private static final Rectangle SUBJECT = new Rectangle(480, 200, 320, 520);

	private final LocalMotionRenderer renderer = new LocalMotionRenderer(1);

	@TempDir
	Path directory;

	@Test
	void inAPanTheSubjectMovesMoreThanTheFarBackground() throws IOException {
		SceneLayers scene = new SceneLayers(List.of(
				new SceneLayers.Layer("sky", TestPictures.textured(W, H, 1), SceneLayers.parallaxOf("sky"), false),
				new SceneLayers.Layer("subject", cutOut(TestPictures.textured(W, H, 2), SUBJECT),
						SceneLayers.parallaxOf("subject"), true)),
				-1, SUBJECT, Set.of());

		Path mp4 = render(scene, "pan right", 2);

		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, 24, 27);
		int scale = frames.get(0).getWidth();
		// The far background above the subject's head, and the middle of the subject (both in
		// output pixels; the output is the picture at 512/720 of its size).
		double k = 512.0 / H;
		int farX = (int) (200 * k), farY = (int) (100 * k);
		int subjectX = (int) (SUBJECT.getCenterX() * k), subjectY = (int) (SUBJECT.getCenterY() * k);
		int far = Math.abs(Motion.between(frames, farX, farY).dx());
		int near = Math.abs(Motion.between(frames, subjectX, subjectY).dx());
		assertThat(scale).isEqualTo(910);
		assertThat(far).as("the far background moves").isGreaterThanOrEqualTo(1);
		assertThat(near).as("the subject moves more than the far background (far moved %d px)", far)
			.isGreaterThanOrEqualTo(far * 2);
	}

	@Test
	void aStillPromptHoldsTheCameraButTheWaterMoves() throws IOException {
		BufferedImage sky = TestPictures.textured(W, H, 3);
		SceneLayers scene = new SceneLayers(
				List.of(new SceneLayers.Layer("sky", sky, SceneLayers.parallaxOf("sky"), false)), 0.6, SUBJECT,
				Set.of(Stage.Ambient.WATER));

		Path mp4 = render(scene, "still water, calm evening", 2);

		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, 10, 30);
		Rectangle above = new Rectangle(40, 40, 400, 200);
		Rectangle water = new Rectangle(40, 400, 400, 100);
		assertThat(meanDifference(frames.get(0), frames.get(1), above)).as("above the water the camera holds")
			.isLessThan(1.5);
		assertThat(meanDifference(frames.get(0), frames.get(1), water)).as("the water changes").isGreaterThan(3);
	}

	@Test
	void unknownWordsChangeNothing() {
		assertThat(Atmosphere.parse("a purple elephant humming")).isEqualTo(Atmosphere.NONE);
		Atmosphere parsed = Atmosphere.parse("Strong wind and rain, the camera still");
		assertThat(parsed.wind()).isTrue();
		assertThat(parsed.rain()).isTrue();
		assertThat(parsed.still()).isTrue();
		assertThat(parsed.intensity()).isEqualTo(1.6);
	}

	private Path render(SceneLayers scene, String prompt, int seconds) throws IOException {
		Path mp4 = Files.createTempFile(directory, "layered", ".mp4");
		renderer.render(new RenderRequest(scene.layers().get(0).image(), prompt, seconds, 512, 25, scene), mp4,
				(percent) -> {
				});
		return mp4;
	}

	private static BufferedImage cutOut(BufferedImage picture, Rectangle area) {
		BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_ARGB);
		for (int y = area.y; y < area.y + area.height; y++) {
			for (int x = area.x; x < area.x + area.width; x++) {
				out.setRGB(x, y, picture.getRGB(x, y) | 0xFF000000);
			}
		}
		return out;
	}

	private record Motion(int dx, int dy) {

		/** Block matching: where the patch around (x, y) in the first frame went in the second. */
		static Motion between(List<BufferedImage> frames, int x, int y) {
			BufferedImage a = frames.get(0), b = frames.get(1);
			long best = Long.MAX_VALUE;
			Motion found = null;
			int patch = 16, search = 40;
			for (int dy = -search; dy <= search; dy++) {
				for (int dx = -search; dx <= search; dx++) {
					long sum = 0;
					for (int py = -patch; py < patch && sum < best; py++) {
						for (int px = -patch; px < patch; px++) {
							sum += Math.abs(luma(a, x + px, y + py) - luma(b, x + px + dx, y + py + dy));
						}
					}
					if (sum < best) {
						best = sum;
						found = new Motion(dx, dy);
					}
				}
			}
			return found;
		}

	}

	private static int luma(BufferedImage image, int x, int y) {
		int p = image.getRGB(Math.max(0, Math.min(image.getWidth() - 1, x)), Math.max(0, Math.min(image.getHeight() - 1, y)));
		return (int) (0.2126 * ((p >> 16) & 0xFF) + 0.7152 * ((p >> 8) & 0xFF) + 0.0722 * (p & 0xFF));
	}

	private static double meanDifference(BufferedImage a, BufferedImage b, Rectangle area) {
		double sum = 0;
		for (int y = area.y; y < area.y + area.height; y++) {
			for (int x = area.x; x < area.x + area.width; x++) {
				sum += Math.abs(luma(a, x, y) - luma(b, x, y));
			}
		}
		return sum / (area.width * area.height);
	}

}
