package com.wanderframe.video.internal.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wanderframe.Concurrently;
import com.wanderframe.video.MotionTemplate;
import com.wanderframe.video.MotionTemplates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Renders real clips and looks at them the way a viewer would: decodes the MP4 and measures
 * where the picture's content went between frames.
 */
class LocalMotionRendererTests {

	private static final BufferedImage LANDSCAPE = TestPictures.textured(1920, 1080, 1);

	private final LocalMotionRenderer renderer = new LocalMotionRenderer();

	@TempDir
	Path directory;

	@Test
	void sixSecondsAt768pIsA150FrameH264Mp4At25Fps() throws IOException {
		Path mp4 = render(LANDSCAPE, "slow push in", 6, 768);

		VideoInfo info = Mp4Files.probe(mp4);
		assertThat(info.codec()).isEqualTo("h264");
		assertThat(info.pixelFormat()).isEqualTo("yuv420p");
		assertThat(info.width()).isEqualTo(1366);
		assertThat(info.height()).isEqualTo(768);
		assertThat(info.fps()).isEqualTo(25.0);
		assertThat(info.frameCount()).isEqualTo(150);
		assertThat(info.durationSeconds()).isCloseTo(6.0, within(0.05));
		assertThat(Mp4Files.decodeFrame(mp4, 149).getWidth()).isEqualTo(1366);
		assertThat(Mp4Files.decodeFrames(mp4, 0, 75, 149)).hasSize(3).doesNotContainNull();
	}

	@Test
	void theIndexComesFirstSoPlaybackStartsBeforeTheDownloadEnds() throws IOException {
		byte[] mp4 = Files.readAllBytes(render(LANDSCAPE, "pan right", 1, 256));

		List<String> boxes = new ArrayList<>();
		for (int at = 0; at + 8 <= mp4.length;) {
			long size = java.nio.ByteBuffer.wrap(mp4, at, 4).getInt() & 0xFFFFFFFFL;
			boxes.add(new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
			at += size >= 8 ? (int) size : mp4.length;
		}
		assertThat(boxes).contains("moov", "mdat");
		assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
	}

	@ParameterizedTest(name = "{0}x{1} at {2}p is {3}x{4}")
	@CsvSource(textBlock = """
			1920, 1080, 512,  910,  512
			1920, 1080, 1080, 1920, 1080
			900,  1200, 512,  512,  682
			1000, 1000, 768,  768,  768
			3000, 800,  512,  1536, 512
			""")
	void keepsThePicturesShapeWithTheAskedShortSide(int width, int height, int shortSide, int expectedWidth,
			int expectedHeight) throws IOException {
		Path mp4 = render(TestPictures.textured(width, height, 2), "pan left", 1, shortSide);

		VideoInfo info = Mp4Files.probe(mp4);
		assertThat(info.width()).isEqualTo(expectedWidth);
		assertThat(info.height()).isEqualTo(expectedHeight);
		assertThat(info.frameCount()).isEqualTo(25);
	}

	@Test
	void tenSecondsIs250Frames() throws IOException {
		VideoInfo info = Mp4Files.probe(render(LANDSCAPE, "tilt up", 10, 256));

		assertThat(info.frameCount()).isEqualTo(250);
		assertThat(info.durationSeconds()).isCloseTo(10.0, within(0.05));
	}

	@Test
	void panRightMovesTheContentLeft() throws IOException {
		Motion motion = motionAtCentre(render(LANDSCAPE, "pan right", 2, 360));

		assertThat(motion.dx()).isLessThan(-5);
		assertThat(Math.abs(motion.dy())).isLessThanOrEqualTo(1);
	}

	@Test
	void panLeftMovesTheContentRight() throws IOException {
		Motion motion = motionAtCentre(render(LANDSCAPE, "pan left", 2, 360));

		assertThat(motion.dx()).isGreaterThan(5);
		assertThat(Math.abs(motion.dy())).isLessThanOrEqualTo(1);
	}

	@Test
	void tiltUpMovesTheContentDown() throws IOException {
		Motion motion = motionAtCentre(render(LANDSCAPE, "tilt up", 2, 360));

		assertThat(motion.dy()).isGreaterThan(3);
		assertThat(Math.abs(motion.dx())).isLessThanOrEqualTo(1);
	}

	@Test
	void tiltDownMovesTheContentUp() throws IOException {
		Motion motion = motionAtCentre(render(LANDSCAPE, "tilt down", 2, 360));

		assertThat(motion.dy()).isLessThan(-3);
		assertThat(Math.abs(motion.dx())).isLessThanOrEqualTo(1);
	}

	@Test
	void pushInGrowsTheContent() throws IOException {
		Path mp4 = render(LANDSCAPE, "push in", 2, 360);
		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, 22, 28);
		int width = frames.get(0).getWidth(), height = frames.get(0).getHeight();

		// everything moves away from the centre
		assertThat(motion(frames, width / 5, height / 2).dx()).isLessThan(-2);
		assertThat(motion(frames, width * 4 / 5, height / 2).dx()).isGreaterThan(2);
		assertThat(motion(frames, width / 2, height / 4).dy()).isLessThan(-1);
		assertThat(motion(frames, width / 2, height * 3 / 4).dy()).isGreaterThan(1);
		Motion centre = motion(frames, width / 2, height / 2);
		assertThat(Math.abs(centre.dx()) + Math.abs(centre.dy())).isLessThanOrEqualTo(1);
	}

	@Test
	void pullOutShrinksTheContent() throws IOException {
		Path mp4 = render(LANDSCAPE, "pull out", 2, 360);
		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, 22, 28);
		int width = frames.get(0).getWidth(), height = frames.get(0).getHeight();

		assertThat(motion(frames, width / 5, height / 2).dx()).isGreaterThan(2);
		assertThat(motion(frames, width * 4 / 5, height / 2).dx()).isLessThan(-2);
	}

	@Test
	void aSlowPanGlidesWithoutJudder() throws IOException {
		Path mp4 = render(LANDSCAPE, "slow pan right", 2, 360);
		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, IntStream.range(0, 50).toArray());

		double[] speed = new double[frames.size() - 1];
		for (int i = 0; i < speed.length; i++) {
			speed[i] = -horizontalShift(luma(frames.get(i)), luma(frames.get(i + 1)));
		}
		// eased: it starts and ends nearly still and is fastest in the middle
		assertThat(speed[0]).isLessThan(0.3);
		assertThat(speed[speed.length - 1]).isLessThan(0.3);
		assertThat(speed[24]).isGreaterThan(2);
		// and the speed changes smoothly from frame to frame: whole-pixel steps would jump by 1 px.
		// (The eased path itself changes by under 0.2 px; x264's B-frames add up to about 0.25.)
		for (int i = 1; i < speed.length; i++) {
			assertThat(Math.abs(speed[i] - speed[i - 1])).as("change of speed at frame %d", i).isLessThan(0.6);
		}
	}

	@Test
	void fasterWordsMoveTheContentFurther() throws IOException {
		Motion slow = motionAtCentre(render(LANDSCAPE, "slow pan right", 2, 360));
		Motion fast = motionAtCentre(render(LANDSCAPE, "fast pan right", 2, 360));

		assertThat(fast.dx()).isLessThan(slow.dx() - 5);
	}

	@Test
	void aPushInStartsOnThePictureAsItIs() throws IOException {
		Path mp4 = render(LANDSCAPE, "push in", 1, 360);
		BufferedImage first = Mp4Files.decodeFrame(mp4, 0);

		BufferedImage expected = scaled(LANDSCAPE, first.getWidth(), first.getHeight());
		assertThat(meanLumaDifference(first, expected)).isLessThan(6);
	}

	@Test
	void noFrameShowsABlackEdge() throws IOException {
		List<String> prompts = new ArrayList<>(MotionTemplates.all().stream().map(MotionTemplate::prompt).toList());
		for (String prompt : prompts) {
			assertNoDarkPixels(render(LANDSCAPE, prompt, 1, 256), prompt);
		}
		assertNoDarkPixels(render(TestPictures.textured(900, 1400, 3), "dramatic orbit left, heavy handheld", 2, 256),
				"portrait orbit");
		assertNoDarkPixels(render(TestPictures.textured(3000, 800, 4), "fast tilt down, fast pan right, dramatic camera shake",
				2, 256), "panorama");
		assertNoDarkPixels(render(TestPictures.textured(301, 199, 5), "crash zoom out, handheld", 2, 512),
				"small picture");
	}

	@Test
	void reportsProgressUpTo100() throws IOException {
		List<Integer> reported = new ArrayList<>();
		renderer.render(new RenderRequest(LANDSCAPE, "pan right", 2, 256, 25), directory.resolve("progress.mp4"),
				reported::add);

		assertThat(reported.get(0)).isZero();
		assertThat(reported.get(reported.size() - 1)).isEqualTo(100);
		assertThat(reported).isSorted().hasSizeGreaterThan(10).allMatch((percent) -> percent >= 0 && percent <= 100);
	}

	@Test
	void rendersSeveralClipsAtOnce() {
		String[] prompts = { "pan left", "handheld push in", "orbit", "drone rise" };
		List<VideoInfo> infos = Concurrently.run(prompts.length, prompts.length, (i) -> () -> {
			Path mp4 = directory.resolve("concurrent-" + i + ".mp4");
			renderer.render(new RenderRequest(LANDSCAPE, prompts[i], 2, 256, 25), mp4, (percent) -> {
			});
			return Mp4Files.probe(mp4);
		});

		assertThat(infos).allSatisfy((info) -> {
			assertThat(info.frameCount()).isEqualTo(50);
			assertThat(info.width()).isEqualTo(456);
		});
	}

	@Test
	void anInterruptedRenderStopsAndLeavesNoFile() {
		Path mp4 = directory.resolve("interrupted.mp4");
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(InterruptedIOException.class).isThrownBy(
					() -> renderer.render(new RenderRequest(LANDSCAPE, "pan left", 6, 512, 25), mp4, (percent) -> {
					}));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(mp4).doesNotExist();
	}

	@Test
	void aRenderThatCannotWriteFailsCleanly() {
		Path mp4 = directory.resolve("missing").resolve("clip.mp4");

		assertThatExceptionOfType(IOException.class).isThrownBy(
				() -> renderer.render(new RenderRequest(LANDSCAPE, "pan left", 1, 256, 25), mp4, (percent) -> {
				}));
		assertThat(mp4).doesNotExist();
	}

	@Test
	void posterIsTheFrameOneSecondIn() throws IOException {
		Path mp4 = render(LANDSCAPE, "pan right", 2, 256);
		Path jpeg = directory.resolve("poster.jpg");

		Mp4Files.writePoster(mp4, jpeg);

		BufferedImage poster = ImageIO.read(jpeg.toFile());
		assertThat(poster.getWidth()).isEqualTo(456);
		assertThat(poster.getHeight()).isEqualTo(256);
		assertThat(meanLumaDifference(poster, Mp4Files.decodeFrame(mp4, 25))).isLessThan(3);
		assertThat(meanLumaDifference(poster, Mp4Files.decodeFrame(mp4, 0))).isGreaterThan(5);
	}

	@Test
	void aShortClipsPosterIsItsFirstFrame() throws IOException {
		Path mp4 = directory.resolve("short.mp4");
		renderer.render(new RenderRequest(LANDSCAPE, "pan right", 1, 128, 10), mp4, (percent) -> {
		});
		Path jpeg = directory.resolve("short.jpg");

		Mp4Files.writePoster(mp4, jpeg);

		assertThat(meanLumaDifference(ImageIO.read(jpeg.toFile()), Mp4Files.decodeFrame(mp4, 0))).isLessThan(3);
	}

	@Test
	void somethingThatIsNotAVideoIsAnError() throws IOException {
		Path text = Files.writeString(directory.resolve("notes.mp4"), "not a video");

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Mp4Files.probe(text));
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> Mp4Files.writePoster(text, directory.resolve("notes.jpg")));
		assertThat(directory.resolve("notes.jpg")).doesNotExist();
	}

	@Test
	void fourRendersOnAMachineConfiguredForOneAtATimeRunInTurn() {
		LocalMotionRenderer bounded = new LocalMotionRenderer(1, new RenderProperties(1, 1));
		java.util.concurrent.atomic.AtomicInteger rendering = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();

		List<VideoInfo> infos = Concurrently.run(4, 4, (i) -> () -> {
			Path mp4 = directory.resolve("bounded-" + i + ".mp4");
			bounded.render(new RenderRequest(LANDSCAPE, "pan right", 1, 144, 25), mp4, (percent) -> {
				if (percent == 0) {
					mostAtOnce.accumulateAndGet(rendering.incrementAndGet(), Math::max);
				}
				else if (percent == 100) {
					rendering.decrementAndGet();
				}
			});
			return Mp4Files.probe(mp4);
		});

		assertThat(infos).allSatisfy((info) -> assertThat(info.frameCount()).isEqualTo(25));
		assertThat(mostAtOnce.get()).isEqualTo(1);
	}

	@Test
	void withoutSettingsRendersTakeHalfTheCoresAndShareThemOut() {
		int cores = Runtime.getRuntime().availableProcessors();

		RenderProperties defaults = RenderProperties.defaults();

		assertThat(defaults.concurrency()).isEqualTo(Math.max(1, cores / 2));
		assertThat(defaults.encoderThreads()).isEqualTo(Math.max(1, cores / defaults.concurrency()));
		assertThat(new RenderProperties(3, 2).encoderThreads()).isEqualTo(2);
	}

	private Path render(BufferedImage image, String prompt, int seconds, int shortSide) throws IOException {
		Path mp4 = Files.createTempFile(directory, "clip", ".mp4");
		renderer.render(new RenderRequest(image, prompt, seconds, shortSide, 25), mp4, (percent) -> {
		});
		return mp4;
	}

	private record Motion(int dx, int dy) {
	}

	/** Where the content at the centre went between two frames in the middle of a 2 s clip. */
	private static Motion motionAtCentre(Path mp4) throws IOException {
		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, 22, 28);
		return motion(frames, frames.get(0).getWidth() / 2, frames.get(0).getHeight() / 2);
	}

	private static final int PATCH = 24, SEARCH = 32;

	/**
	 * Block matching: the shift of the patch around (x, y) in the first frame that best matches
	 * the second frame (least mean absolute luma difference).
	 */
	private static Motion motion(List<BufferedImage> frames, int x, int y) {
		int[][] a = luma(frames.get(0)), b = luma(frames.get(1));
		long best = Long.MAX_VALUE;
		Motion found = null;
		for (int dy = -SEARCH; dy <= SEARCH; dy++) {
			for (int dx = -SEARCH; dx <= SEARCH; dx++) {
				long sum = 0;
				for (int py = -PATCH; py < PATCH && sum < best; py++) {
					int[] rowA = a[y + py], rowB = b[y + py + dy];
					for (int px = -PATCH; px < PATCH; px++) {
						sum += Math.abs(rowA[x + px] - rowB[x + px + dx]);
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

	/**
	 * Horizontal shift of the central area from one frame to the next, to a fraction of a pixel:
	 * the best whole-pixel match, refined by a gradient (Lucas-Kanade) step on softened frames.
	 */
	private static double horizontalShift(int[][] a, int[][] b) {
		double[][] softA = soften(a), softB = soften(b);
		int height = a.length, width = a[0].length, range = 8;
		int best = 0;
		double bestSum = Double.MAX_VALUE;
		for (int shift = -range; shift <= range; shift++) {
			double sum = 0;
			for (int y = height / 4; y < height * 3 / 4; y++) {
				for (int x = width / 4; x < width * 3 / 4; x++) {
					sum += Math.abs(softA[y][x] - softB[y][x + shift]);
				}
			}
			if (sum < bestSum) {
				bestSum = sum;
				best = shift;
			}
		}
		// B(x + best + r) = A(x)  =>  r = -sum((B' - A) gx) / sum(gx^2), with B' = B shifted by best
		double numerator = 0, denominator = 0;
		for (int y = height / 4; y < height * 3 / 4; y++) {
			for (int x = width / 4; x < width * 3 / 4; x++) {
				double gradient = (softB[y][x + best + 1] - softB[y][x + best - 1]) / 2;
				numerator += (softB[y][x + best] - softA[y][x]) * gradient;
				denominator += gradient * gradient;
			}
		}
		return best - numerator / denominator;
	}

	/** A 5x5 binomial blur, so the gradient step sees slopes rather than hard edges. */
	private static double[][] soften(int[][] luma) {
		int height = luma.length, width = luma[0].length;
		double[] kernel = { 1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0 };
		double[][] rows = new double[height][width], out = new double[height][width];
		for (int y = 0; y < height; y++) {
			for (int x = 2; x < width - 2; x++) {
				for (int k = -2; k <= 2; k++) {
					rows[y][x] += kernel[k + 2] * luma[y][x + k];
				}
			}
		}
		for (int y = 2; y < height - 2; y++) {
			for (int x = 0; x < width; x++) {
				for (int k = -2; k <= 2; k++) {
					out[y][x] += kernel[k + 2] * rows[y + k][x];
				}
			}
		}
		return out;
	}

	private static int[][] luma(BufferedImage image) {
		if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
			BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
			bgr.createGraphics().drawImage(image, 0, 0, null);
			image = bgr;
		}
		byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
		int[][] luma = new int[image.getHeight()][image.getWidth()];
		for (int y = 0, i = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++, i += 3) {
				luma[y][x] = (int) Math.round(0.0722 * (pixels[i] & 0xFF) + 0.7152 * (pixels[i + 1] & 0xFF)
						+ 0.2126 * (pixels[i + 2] & 0xFF));
			}
		}
		return luma;
	}

	private static double meanLumaDifference(BufferedImage a, BufferedImage b) {
		int[][] la = luma(a), lb = luma(b);
		return IntStream.range(0, la.length)
			.mapToDouble((y) -> IntStream.range(0, la[y].length).map((x) -> Math.abs(la[y][x] - lb[y][x])).average()
				.orElse(0))
			.average()
			.orElse(0);
	}

	/** Test pictures keep every colour channel at 70 or more; an edge shows up as near black. */
	private static void assertNoDarkPixels(Path mp4, String what) throws IOException {
		VideoInfo info = Mp4Files.probe(mp4);
		int[] all = IntStream.range(0, (int) info.frameCount()).toArray();
		List<BufferedImage> frames = Mp4Files.decodeFrames(mp4, all);
		for (int i = 0; i < frames.size(); i++) {
			int[][] luma = luma(frames.get(i));
			int darkest = 255;
			for (int[] row : luma) {
				for (int value : row) {
					darkest = Math.min(darkest, value);
				}
			}
			assertThat(darkest).as("darkest pixel of frame %d of %s", i, what).isGreaterThan(45);
		}
	}

	private static BufferedImage scaled(BufferedImage image, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		graphics.drawImage(image.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
		graphics.dispose();
		return target;
	}

}
