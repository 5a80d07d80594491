package com.wanderframe.video.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.wanderframe.location.Locations;
import com.wanderframe.location.Scenery;
import com.wanderframe.location.Stage;
import com.wanderframe.location.Stage.Ambient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scene's own motion as a viewer sees it, with the camera held: every place's declared
 * motion really moves the part of the picture it belongs to, the prompt's words steer it (and
 * no other word does), a looping clip runs from its last frame into its first even while the
 * camera moves, and a long clip renders in a heap far smaller than its frames.
 */
class LivingSceneTests {

	private static final int OUT_WIDTH = 768, OUT_HEIGHT = 432, FPS = 25;

	private static final Locations locations = new Locations();

	@TempDir
	Path directory;

	static Stream<String> places() {
		return locations.all().stream().map(com.wanderframe.location.Location::slug);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("places")
	void eachPlacesOwnMotionMovesItsPartOfThePictureWhileTheCameraHolds(String slug) {
		Scenery scenery = locations.scenery(slug);
		Stage stage = scenery.stage();
		assertThat(stage.ambient()).as("%s declares what moves there", slug).isNotEmpty();
		List<SceneLayers.Layer> layers = scenery.layers()
			.stream()
			.map((layer) -> new SceneLayers.Layer(layer.name(), layer.image(), SceneLayers.parallaxOf(layer.name()),
					false))
			.toList();
		SceneLayers living = new SceneLayers(layers, stage.horizon(), new Rectangle(), stage.ambient());
		SceneLayers frozen = new SceneLayers(layers, stage.horizon(), new Rectangle(), Set.of());

		for (Ambient ambient : stage.ambient()) {
			Rectangle region = regionOf(ambient, stage);
			SceneLayers only = new SceneLayers(layers, stage.horizon(), new Rectangle(), Set.of(ambient));
			int moved = mostChanged(held(only, "still", 50), region);
			assertThat(moved).as("%s: %s visibly changes pixels of its region during the clip", slug, ambient)
				.isGreaterThanOrEqualTo(50);
		}
		assertThat(mostChanged(held(frozen, "still", 50), full()))
			.as("%s: without its motion the held camera shows a still", slug)
			.isZero();
		assertThat(mostChanged(held(living, "still", 50), full())).isGreaterThanOrEqualTo(50);
	}

	@Test
	void windSwaysTheTreesMoreThanTheSamePromptWithoutIt() {
		SceneLayers scene = foliage();
		Rectangle trees = new Rectangle(0, (int) (OUT_HEIGHT * 0.5), OUT_WIDTH, OUT_HEIGHT / 4);
		double calm = largestChange(held(scene, "static camera over the trees", 50), trees);
		double windy = largestChange(held(scene, "static camera over the trees, wind", 50), trees);
		assertThat(calm).as("the trees sway a little anyway").isGreaterThan(0);
		assertThat(windy).as("wind sways them more (calm %.2f)", calm).isGreaterThan(calm * 2);
	}

	@Test
	void rainSnowAndFogLayTheirWeatherOverTheScene() {
		SceneLayers scene = foliage();
		byte[] dry = held(scene, "static camera", 50).get(10);
		for (String weather : List.of("rain", "snow", "fog")) {
			List<byte[]> frames = held(scene, "static camera, " + weather, 50);
			assertThat(mostChanged(List.of(dry, frames.get(10)), full())).as("%s shows over the scene", weather)
				.isGreaterThanOrEqualTo(200);
		}
		assertThat(contrast(held(scene, "static camera, fog", 50).get(10))).as("fog veils the scene")
			.isLessThan(contrast(dry) * 0.85);
		List<byte[]> rain = held(scene, "static camera, rain", 50);
		assertThat(difference(rain.get(10), rain.get(11), full())).as("the rain falls").isGreaterThan(
				difference(held(scene, "static camera", 50).get(10), held(scene, "static camera", 50).get(11), full()));
	}

	@Test
	void intensityWordsScaleTheMotion() {
		SceneLayers water = new SceneLayers(
				List.of(new SceneLayers.Layer("sky", TestPictures.textured(960, 540, 3), SceneLayers.parallaxOf("sky"),
						false)),
				0.5, new Rectangle(), Set.of(Ambient.WATER));
		Rectangle below = new Rectangle(0, OUT_HEIGHT * 6 / 10, OUT_WIDTH, OUT_HEIGHT * 4 / 10);
		double subtle = largestChange(held(water, "static camera, subtle", 50), below);
		double usual = largestChange(held(water, "static camera", 50), below);
		double strong = largestChange(held(water, "static camera, strong", 50), below);
		assertThat(subtle).as("subtle water still moves").isGreaterThan(0.2);
		assertThat(usual).as("plain water moves more than subtle (%.2f)", subtle).isGreaterThan(subtle * 1.3);
		assertThat(strong).as("strong water moves more than plain (%.2f)", usual).isGreaterThan(usual * 1.2);
	}

	@Test
	void wordsTheRendererDoesNotKnowChangeNoFrame() {
		SceneLayers scene = foliage();
		String known = "slow pan right, wind";
		String padded = "slow pan right, wind, a purple elephant humming over marmalade skies";
		assertThat(LocalMotionRenderer.poses(CameraPath.parse(padded), 50, FPS))
			.isEqualTo(LocalMotionRenderer.poses(CameraPath.parse(known), 50, FPS));
		List<byte[]> plain = moving(scene, known, 50), extra = moving(scene, padded, 50);
		for (int i = 0; i < plain.size(); i++) {
			assertThat(extra.get(i)).as("frame %d", i).isEqualTo(plain.get(i));
		}
	}

	@Test
	void withLoopTheCameraComesBackSoTheClipRunsFromItsLastFrameIntoItsFirst() throws IOException {
		BufferedImage picture = TestPictures.textured(1280, 720, 8);
		LocalMotionRenderer renderer = new LocalMotionRenderer(1);
		int frames = 2 * FPS;
		Path looping = directory.resolve("loop.mp4"), once = directory.resolve("once.mp4");
		renderer.render(new RenderRequest(picture, "pan right, loop", 2, 256, FPS, foliage()), looping, (p) -> {
		});
		renderer.render(new RenderRequest(picture, "pan right", 2, 256, FPS, foliage()), once, (p) -> {
		});

		List<BufferedImage> loop = Mp4Files.decodeFrames(looping, 0, frames / 4, frames / 2, frames - 1);
		List<BufferedImage> straight = Mp4Files.decodeFrames(once, 0, frames - 1);
		Rectangle all = new Rectangle(0, 0, loop.get(0).getWidth(), loop.get(0).getHeight());
		// the middle of the clip, where the camera moves fastest
		double step = meanDifference(Mp4Files.decodeFrames(looping, frames / 4, frames / 4 + 1), all);
		double seam = meanDifference(List.of(loop.get(3), loop.get(0)), all);
		assertThat(meanDifference(List.of(loop.get(0), loop.get(2)), all)).as("the camera went somewhere")
			.isGreaterThan(seam * 3);
		assertThat(seam).as("last frame into first is no bigger a step than one in the middle (%.2f)", step)
			.isLessThanOrEqualTo(step);
		assertThat(meanDifference(straight, all)).as("without loop the pan ends where it ends")
			.isGreaterThan(seam * 3);
	}

	@Test
	void aLongClipRendersInAHeapFarSmallerThanItsFrames() throws Exception {
		// 40 s at 256p is 1000 frames of 175 KB: 175 MB if they were kept; the child has 48 MB
		Path mp4 = directory.resolve("long.mp4");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path log = directory.resolve("child.log");
		Process child = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
				LongClip.class.getName(), mp4.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child finished").isTrue();
		assertThat(child.exitValue()).as("the render succeeded in 48 MB: %s", Files.readString(log)).isZero();
		VideoInfo info = Mp4Files.probe(mp4);
		assertThat(info.frameCount()).isEqualTo(40 * FPS);
	}

	/** The child JVM of {@link #aLongClipRendersInAHeapFarSmallerThanItsFrames}. */
	static final class LongClip {

		public static void main(String[] args) throws IOException {
			BufferedImage sky = TestPictures.textured(640, 360, 1);
			Rectangle person = new Rectangle(240, 90, 160, 270);
			SceneLayers scene = new SceneLayers(List.of(new SceneLayers.Layer("sky", sky, 0.45, false),
					new SceneLayers.Layer("subject", cutOut(TestPictures.textured(640, 360, 2), person), 1.35, true)),
					0.7, person, Set.of(Ambient.WATER, Ambient.CLOUDS));
			new LocalMotionRenderer(1).render(new RenderRequest(sky, "slow pan right, wind", 40, 256, FPS, scene),
					Path.of(args[0]), (percent) -> {
					});
		}

	}

	/** A sky with trees in front of it and nobody there. */
	private static SceneLayers foliage() {
		int w = 960, h = 540;
		return new SceneLayers(List.of(
				new SceneLayers.Layer("sky", TestPictures.textured(w, h, 11), SceneLayers.parallaxOf("sky"), false),
				new SceneLayers.Layer("near", cutOut(TestPictures.textured(w, h, 12), new Rectangle(0, h / 2, w, h / 2)),
						SceneLayers.parallaxOf("near"), false)),
				-1, new Rectangle(), Set.of(Ambient.FOLIAGE));
	}

	/**
	 * Where a motion shows in a frame of the whole picture (output pixels): water below the
	 * horizon, the sky's motions above the middle, mist and sand low down, the rest anywhere.
	 */
	private static Rectangle regionOf(Ambient ambient, Stage stage) {
		return switch (ambient) {
			case WATER -> new Rectangle(0, (int) Math.ceil(stage.horizon() * OUT_HEIGHT) + 2, OUT_WIDTH,
					OUT_HEIGHT - (int) Math.ceil(stage.horizon() * OUT_HEIGHT) - 2);
			case CLOUDS, AURORA, BALLOONS -> new Rectangle(0, 0, OUT_WIDTH, OUT_HEIGHT * 6 / 10);
			case MIST -> new Rectangle(0, (int) (OUT_HEIGHT * 0.42), OUT_WIDTH, (int) (OUT_HEIGHT * 0.4));
			case SAND -> new Rectangle(0, (int) (OUT_HEIGHT * 0.6), OUT_WIDTH, (int) (OUT_HEIGHT * 0.4));
			default -> full();
		};
	}

	private static Rectangle full() {
		return new Rectangle(0, 0, OUT_WIDTH, OUT_HEIGHT);
	}

	/** Luma of each frame, the camera holding (as a "still" prompt holds it). */
	private static List<byte[]> held(SceneLayers scene, String prompt, int frames) {
		return paint(scene, LocalMotionRenderer.poses(CameraPath.parse("static camera"), frames, FPS), prompt);
	}

	/** Luma of each frame along the prompt's own camera path. */
	private static List<byte[]> moving(SceneLayers scene, String prompt, int frames) {
		return paint(scene, LocalMotionRenderer.poses(CameraPath.parse(prompt), frames, FPS), prompt);
	}

	/** The frames as the renderer paints them, before encoding. */
	private static List<byte[]> paint(SceneLayers scene, List<Pose> poses, String prompt) {
		LocalMotionRenderer.LayeredPath path = LocalMotionRenderer.LayeredPath.of(scene, poses, OUT_WIDTH, OUT_HEIGHT);
		Framing.Viewport[] viewports = path.viewports();
		LayeredSource source = new LayeredSource(scene, path.scale(), viewports, Atmosphere.parse(prompt), FPS,
				OUT_WIDTH, OUT_HEIGHT);
		YuvFrame shape = new YuvFrame(OUT_WIDTH, OUT_HEIGHT, OUT_WIDTH, OUT_WIDTH / 2);
		LayeredSource.Painter painter = source.painter(shape);
		List<byte[]> frames = new ArrayList<>();
		for (int i = 0; i < viewports.length; i++) {
			YuvFrame frame = new YuvFrame(OUT_WIDTH, OUT_HEIGHT, OUT_WIDTH, OUT_WIDTH / 2);
			painter.paint(i, frame);
			frames.add(frame.y);
		}
		return frames;
	}

	/**
	 * The most pixels inside {@code region} that any frame shows visibly changed (by 3 levels or
	 * more) from the first: slow motions too, which change little from one frame to the next.
	 */
	private static int mostChanged(List<byte[]> frames, Rectangle region) {
		int most = 0;
		for (int i = 1; i < frames.size(); i++) {
			byte[] a = frames.get(0), b = frames.get(i);
			int changed = 0;
			for (int y = region.y; y < region.y + region.height; y++) {
				for (int x = region.x; x < region.x + region.width; x++) {
					if (Math.abs((a[y * OUT_WIDTH + x] & 0xFF) - (b[y * OUT_WIDTH + x] & 0xFF)) >= 3) {
						changed++;
					}
				}
			}
			most = Math.max(most, changed);
		}
		return most;
	}

	/** The largest mean luma change inside {@code region} from one frame to the next. */
	private static double largestChange(List<byte[]> frames, Rectangle region) {
		double largest = 0;
		for (int i = 0; i + 1 < frames.size(); i++) {
			largest = Math.max(largest, difference(frames.get(i), frames.get(i + 1), region));
		}
		return largest;
	}

	private static double difference(byte[] a, byte[] b, Rectangle region) {
		long sum = 0;
		for (int y = region.y; y < region.y + region.height; y++) {
			for (int x = region.x; x < region.x + region.width; x++) {
				sum += Math.abs((a[y * OUT_WIDTH + x] & 0xFF) - (b[y * OUT_WIDTH + x] & 0xFF));
			}
		}
		return (double) sum / (region.width * region.height);
	}

	/** The luma's standard deviation. */
	private static double contrast(byte[] luma) {
		double mean = 0, square = 0;
		for (byte value : luma) {
			mean += value & 0xFF;
			square += (value & 0xFF) * (value & 0xFF);
		}
		mean /= luma.length;
		return Math.sqrt(square / luma.length - mean * mean);
	}

	private static double meanDifference(List<BufferedImage> pair, Rectangle area) {
		BufferedImage a = pair.get(0), b = pair.get(1);
		double sum = 0;
		for (int y = area.y; y < area.y + area.height; y++) {
			for (int x = area.x; x < area.x + area.width; x++) {
				sum += Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y)));
			}
		}
		return sum / (area.width * area.height);
	}

	private static double luma(int rgb) {
		return 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
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

}
