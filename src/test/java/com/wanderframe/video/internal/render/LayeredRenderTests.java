package com.wanderframe.video.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
	void withTheCameraHoldingTheClipRunsFromItsLastFrameIntoItsFirstWithoutASeam() {
		SceneLayers scene = new SceneLayers(List.of(
				new SceneLayers.Layer("sky", TestPictures.textured(W, H, 4), SceneLayers.parallaxOf("sky"), false),
				new SceneLayers.Layer("near", cutOut(TestPictures.textured(W, H, 6), new Rectangle(0, 500, W, 220)),
						SceneLayers.parallaxOf("near"), false),
				new SceneLayers.Layer("subject", cutOut(TestPictures.textured(W, H, 5), SUBJECT),
						SceneLayers.parallaxOf("subject"), true)),
				0.6, SUBJECT, Set.of(Stage.Ambient.WATER, Stage.Ambient.CLOUDS, Stage.Ambient.WINDOWS,
						Stage.Ambient.FOLIAGE, Stage.Ambient.PETALS, Stage.Ambient.MIST));
		// 2 s at 25 fps, the camera holding: frame 50 would be the first again
		int frames = 50, width = 640, height = 360;
		Framing.Viewport[] held = new Framing.Viewport[frames];
		Arrays.fill(held, new Framing.Viewport((W - 1) / 2.0, (H - 1) / 2.0, 0.9 * (H - 1.0) / height, 0));
		LayeredSource source = new LayeredSource(scene, 1, held, Atmosphere.parse("still, snow, rain"), 25, width,
				height);
		YuvFrame shape = new YuvFrame(width, height, width, width / 2);
		LayeredSource.Painter painter = source.painter(shape);
		double largestStep = 0;
		for (int i = 0; i + 1 < frames; i++) {
			largestStep = Math.max(largestStep, lumaDifference(painted(painter, i, shape), painted(painter, i + 1, shape)));
		}
		double seam = lumaDifference(painted(painter, frames - 1, shape), painted(painter, 0, shape));
		assertThat(largestStep).as("the place moves").isGreaterThan(0.5);
		assertThat(seam).as("the loop's seam is no bigger than a step between frames (largest %.2f)", largestStep)
			.isLessThanOrEqualTo(largestStep);
	}

	@Test
	void someOfTheCitysLitWindowsTwinkleWhileOthersAndTheMoonHoldStill() {
		// a night sky with a bright moon, and in front of it dark buildings dotted with lit windows
		BufferedImage sky = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = sky.createGraphics();
		g.setColor(new java.awt.Color(0x101830));
		g.fillRect(0, 0, W, H);
		g.setColor(java.awt.Color.WHITE);
		g.fillOval(240, 60, 120, 120);
		g.dispose();
		BufferedImage city = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
		g = city.createGraphics();
		g.setColor(new java.awt.Color(0x1a2240));
		g.fillRect(0, H / 2, W, H / 2);
		g.setColor(new java.awt.Color(0xffe3a3));
		for (int y = H / 2 + 10; y < H - 10; y += 16) {
			for (int x = 6; x < W - 6; x += 12) {
				g.fillRect(x, y, 5, 8);
			}
		}
		g.dispose();
		SceneLayers scene = new SceneLayers(List.of(new SceneLayers.Layer("sky", sky, SceneLayers.parallaxOf("sky"), false),
				new SceneLayers.Layer("far", city, SceneLayers.parallaxOf("far"), false)), -1, new Rectangle(),
				Set.of(Stage.Ambient.WINDOWS));
		int frames = 25, width = 640, height = 360;
		Framing.Viewport[] held = new Framing.Viewport[frames];
		Arrays.fill(held, new Framing.Viewport((W - 1) / 2.0, (H - 1) / 2.0, (H - 1.0) / height, 0));
		LayeredSource.Painter painter = new LayeredSource(scene, 1, held, Atmosphere.parse("still"), 25, width, height)
			.painter(new YuvFrame(width, height, width, width / 2));
		YuvFrame shape = new YuvFrame(width, height, width, width / 2);
		byte[] first = painted(painter, 0, shape);
		int[] largestChange = new int[first.length];
		for (int i = 1; i < frames; i++) {
			byte[] frame = painted(painter, i, shape);
			for (int p = 0; p < first.length; p++) {
				largestChange[p] = Math.max(largestChange[p], Math.abs((frame[p] & 0xFF) - (first[p] & 0xFF)));
			}
		}
		int moon = 0, moonChanged = 0, lit = 0, twinkling = 0;
		for (int p = 0; p < first.length; p++) {
			if ((first[p] & 0xFF) <= 170) {
				continue;
			}
			if (p / width < height / 2) {
				moon++;
				moonChanged += largestChange[p] > 0 ? 1 : 0;
			}
			else {
				lit++;
				twinkling += largestChange[p] >= 4 ? 1 : 0;
			}
		}
		assertThat(moon).as("the moon's pixels").isGreaterThan(1000);
		assertThat(moonChanged).as("pixels of the moon that change").isZero();
		assertThat(lit).as("lit windows' pixels").isGreaterThan(5000);
		assertThat(twinkling).as("lit pixels that brighten and dim, of %d", lit).isGreaterThan(lit / 10);
		assertThat(twinkling).as("lit pixels that brighten and dim, of %d: the others hold steady", lit)
			.isLessThan(lit / 2);
	}

	private static byte[] painted(LayeredSource.Painter painter, int index, YuvFrame shape) {
		YuvFrame frame = new YuvFrame(shape.width, shape.height, shape.lumaStride, shape.chromaStride);
		painter.paint(index, frame);
		return frame.y;
	}

	private static double lumaDifference(byte[] a, byte[] b) {
		long sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
		}
		return (double) sum / a.length;
	}

	@Test
	void rainAndSnowFallOverAFlatPictureToo() throws IOException {
		BufferedImage picture = TestPictures.textured(W, H, 6);
		Path plain = Files.createTempFile(directory, "plain", ".mp4");
		Path rainy = Files.createTempFile(directory, "rainy", ".mp4");
		renderer.render(new RenderRequest(picture, "static camera", 1, 512, 25), plain, (percent) -> {
		});
		renderer.render(new RenderRequest(picture, "static camera, strong rain", 1, 512, 25), rainy, (percent) -> {
		});
		List<BufferedImage> dry = Mp4Files.decodeFrames(plain, 10, 11);
		List<BufferedImage> wet = Mp4Files.decodeFrames(rainy, 10, 11);
		Rectangle all = new Rectangle(0, 0, dry.get(0).getWidth(), dry.get(0).getHeight());
		double still = meanDifference(dry.get(0), dry.get(1), all);
		assertThat(still).as("without rain the held camera shows a still").isLessThan(0.5);
		assertThat(meanDifference(wet.get(0), wet.get(1), all)).as("rain falls").isGreaterThan(still * 3 + 0.1);
		assertThat(meanDifference(dry.get(0), wet.get(0), all)).as("over the same picture").isLessThan(8);
	}

	@Test
	void aSceneWhereNothingSwaysIsFramedAsTheFlatPictureIs() throws IOException {
		// a framed print: one depth layer, nobody in it, nothing of the place's own motion
		BufferedImage print = TestPictures.textured(W, H, 4);
		SceneLayers scene = new SceneLayers(List.of(new SceneLayers.Layer("print", print, 1, false)), -1,
				new Rectangle(), Set.of());

		Path layered = render(scene, "slow push in", 1);
		Path flat = Files.createTempFile(directory, "flat", ".mp4");
		renderer.render(new RenderRequest(print, "slow push in", 1, 512, 25), flat, (percent) -> {
		});

		BufferedImage first = Mp4Files.decodeFrames(layered, 0, 1).get(0);
		BufferedImage flatFirst = Mp4Files.decodeFrames(flat, 0, 1).get(0);
		Rectangle whole = new Rectangle(0, 0, first.getWidth(), first.getHeight());
		assertThat(meanDifference(first, flatFirst, whole)).as("the print's clip starts on the flat pan's frame")
			.isLessThan(2);
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
