package com.wanderframe.video.internal.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.wanderframe.bench.Results;

import static com.wanderframe.bench.Results.median;

/**
 * Section 1 of the benchmark: the local renderer beside FFmpeg's {@code zoompan} with libx264
 * {@code veryfast}, crf 23, doing the same motion from the same picture, in the same run; the
 * encode-only floor; path jitter; bytes per second and SSIM against an exactly sampled reference.
 * Lives beside the renderer because it measures the renderer's internals (its camera path, its
 * sampler, its encoder) without changing them.
 */
public final class RenderBench {

	/** One camera move that exercises zoom and pan at once. */
	public static final String PROMPT = "Slow push in, gentle pan right";

	static final int FPS = 25;

	private static final Pattern FFMPEG_BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");

	private RenderBench() {
	}

	/** Wall and CPU seconds of one run. */
	public record Run(double wall, double cpu, long bytes, double peakHeapMb) {
	}

	/**
	 * The whole section, or with {@code -Dbench.render=parallax} only the layered clip against
	 * the flat pan ({@link #parallax}), which takes about a minute.
	 */
	public static void run(Results results, int samples, Path dir) throws Exception {
		if ("parallax".equals(System.getProperty("bench.render", "all"))) {
			parallax(results, samples, dir);
			return;
		}
		runAll(results, samples, dir);
		parallax(results, samples, dir);
	}

	/**
	 * What parallax and ambient motion cost next to the flat pan, as issue 11 asks (within
	 * 1.3x): the same 6 s 768p clip of a 2048x1152 picture rendered flat and through
	 * {@link ParallaxCost#scene()}'s five depth layers with water, drifting sky and twinkling
	 * windows, interleaved sample by sample after a warm-up of each, by the same renderer with
	 * the same thread budget. CPU is the process's, so it stays meaningful on a busy machine.
	 */
	static void parallax(Results results, int samples, Path dir) throws IOException {
		String section = "render";
		BufferedImage picture = TestPictures.textured(ParallaxCost.W, ParallaxCost.H, 7);
		SceneLayers scene = ParallaxCost.scene();
		LocalMotionRenderer renderer = new LocalMotionRenderer();
		Path mp4 = dir.resolve("parallax.mp4");
		parallaxRun(renderer, picture, null, mp4);
		parallaxRun(renderer, picture, scene, mp4);
		List<Run> flat = new ArrayList<>(), layered = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			flat.add(parallaxRun(renderer, picture, null, mp4));
			layered.add(parallaxRun(renderer, picture, scene, mp4));
		}
		String clip = "6 s 768p layered with ambient motion";
		double wall = median(layered.stream().map(Run::wall).toList());
		double flatWall = median(flat.stream().map(Run::wall).toList());
		double cpu = median(layered.stream().map(Run::cpu).toList());
		double flatCpu = median(flat.stream().map(Run::cpu).toList());
		results.add(section, clip + " CPU", cpu, "s", "flat pan CPU", flatCpu, "≤ 1.3×", cpu / flatCpu <= 1.3);
		results.add(section, clip + " wall", wall, "s", "flat pan wall", flatWall, "≤ 1.3×", wall / flatWall <= 1.3);
		System.out.printf(Locale.ROOT,
				"render: 6 s 768p, median of %d: flat pan %.2f s CPU / %.2f s wall; layered with ambient motion"
						+ " %.2f s CPU / %.2f s wall; %.2fx CPU, %.2fx wall (load average %s)%n",
				samples, flatCpu, flatWall, cpu, wall, cpu / flatCpu, wall / flatWall, Results.loadAverage());
	}

	/** One 6 s 768p clip of {@link ParallaxCost#PROMPT}, through {@code layers} or flat when null. */
	private static Run parallaxRun(LocalMotionRenderer renderer, BufferedImage picture, SceneLayers layers, Path mp4)
			throws IOException {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		RenderRequest request = layers == null ? new RenderRequest(picture, ParallaxCost.PROMPT, 6, 768, FPS)
				: new RenderRequest(picture, ParallaxCost.PROMPT, 6, 768, FPS, layers);
		long start = System.nanoTime(), cpuStart = os.getProcessCpuTime();
		renderer.render(request, mp4, percent -> {
		});
		return new Run((System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9, Files.size(mp4),
				Double.NaN);
	}

	private static void runAll(Results results, int samples, Path dir) throws Exception {
		String section = "render";
		BufferedImage textured = TestPictures.textured(2048, 1152, 7);
		Path jpeg = dir.resolve("picture.jpg");
		ImageIO.write(textured, "jpg", jpeg.toFile());
		LocalMotionRenderer renderer = new LocalMotionRenderer();
		// warm-up: the JIT and FFmpeg's libraries, not counted
		ours(renderer, jpeg, 768, 6, dir.resolve("warm.mp4"));
		zoompan(jpeg, 768, 6, PROMPT, dir.resolve("warm-z.mp4"));

		java.util.Map<Integer, Double> ourWalls = new java.util.HashMap<>();
		for (int shortSide : new int[] { 512, 768, 1080 }) {
			for (int seconds : new int[] { 6, 10 }) {
				List<Run> mine = new ArrayList<>(), theirs = new ArrayList<>();
				Path ourFile = dir.resolve("ours-" + shortSide + "-" + seconds + ".mp4");
				Path theirFile = dir.resolve("zoompan-" + shortSide + "-" + seconds + ".mp4");
				for (int i = 0; i < samples; i++) {
					// interleaved, so a burst of load elsewhere hits both alike
					mine.add(ours(renderer, jpeg, shortSide, seconds, ourFile));
					theirs.add(zoompan(jpeg, shortSide, seconds, PROMPT, theirFile));
				}
				String clip = seconds + " s " + shortSide + "p";
				double wall = median(mine.stream().map(Run::wall).toList());
				double theirWall = median(theirs.stream().map(Run::wall).toList());
				boolean judged = shortSide >= 768;
				if (seconds == 6) {
					ourWalls.put(shortSide, wall);
				}
				results.add(section, clip + " wall", wall, "s", "zoompan wall", theirWall, judged ? "≤ 0.85×" : null,
						judged ? wall / theirWall <= 0.85 : null);
				results.add(section, clip + " CPU", median(mine.stream().map(Run::cpu).toList()), "s", "zoompan CPU",
						median(theirs.stream().map(Run::cpu).toList()));
				int frames = seconds * FPS;
				results.add(section, clip + " frames/s", frames / wall, "frames/s", "zoompan frames/s", frames / theirWall);
				results.add(section, clip + " peak heap", median(mine.stream().map(Run::peakHeapMb).toList()), "MB", null,
						null);
				results.add(section, clip + " bytes/s of video", Files.size(ourFile) / (double) seconds, "B/s",
						"zoompan bytes/s", Files.size(theirFile) / (double) seconds);
			}
		}
		for (int shortSide : new int[] { 768, 1080 }) {
			List<Double> floors = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				floors.add(encodeOnly(textured, shortSide, 6, dir));
			}
			double wall = ourWalls.get(shortSide), floor = median(floors);
			results.add(section, "6 s " + shortSide + "p wall vs encode-only", wall, "s", "encode-only floor", floor,
					"≤ 1.2×", wall / floor <= 1.2);
		}
		quality(results, section, textured, dir);
	}

	/** Our renderer from the JPEG file, as the app reads a picture: decode included. */
	static Run ours(LocalMotionRenderer renderer, Path jpeg, int shortSide, int seconds, Path mp4) throws IOException {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime(), cpuStart = os.getProcessCpuTime();
		BufferedImage image = ImageIO.read(jpeg.toFile());
		renderer.render(new RenderRequest(image, PROMPT, seconds, shortSide, FPS), mp4, percent -> {
		});
		double wall = (System.nanoTime() - start) / 1e9, cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
		double peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1e6;
		return new Run(wall, cpu, Files.size(mp4), peak);
	}

	/** Our path's viewport at each frame, in the source picture's pixels. */
	static Framing.Viewport[] viewports(int sourceWidth, int sourceHeight, int width, int height, int frames, String prompt) {
		List<Pose> poses = LocalMotionRenderer.poses(CameraPath.parse(prompt), frames, FPS);
		Framing framing = new Framing(sourceWidth, sourceHeight, width, height, poses);
		return poses.stream().map(framing::viewport).toArray(Framing.Viewport[]::new);
	}

	/**
	 * zoompan's path for the same move: our first and last viewports, joined by the same
	 * ease-in-out ({@code 0.5 - 0.5 cos(pi t)}) with the zoom interpolated geometrically, as ours.
	 * Returns {zoom, left, top} per frame exactly as the expressions compute them before zoompan
	 * rounds the crop to whole pixels.
	 */
	static double[][] zoompanPath(int sourceWidth, int sourceHeight, int width, int height, int frames, String prompt) {
		Framing.Viewport[] ours = viewports(sourceWidth, sourceHeight, width, height, frames, prompt);
		Framing.Viewport first = ours[0], last = ours[frames - 1];
		double z0 = sourceWidth / (width * first.scale()), z1 = sourceWidth / (width * last.scale());
		double[][] path = new double[frames][];
		for (int on = 0; on < frames; on++) {
			double p = 0.5 - 0.5 * Math.cos(Math.PI * on / (frames - 1));
			double zoom = z0 * Math.pow(z1 / z0, p);
			double cx = first.centerX() + 0.5 + (last.centerX() - first.centerX()) * p;
			double cy = first.centerY() + 0.5 + (last.centerY() - first.centerY()) * p;
			path[on] = new double[] { zoom, cx - sourceWidth / zoom / 2, cy - sourceHeight / zoom / 2 };
		}
		return path;
	}

	/** FFmpeg's zoompan + libx264 veryfast crf 23 of the same move; its own CPU figure ({@code -benchmark}). */
	public static Run zoompan(Path jpeg, int shortSide, int seconds, String prompt, Path mp4) throws IOException {
		BufferedImage probe = ImageIO.read(jpeg.toFile());
		int sw = probe.getWidth(), sh = probe.getHeight();
		int[] size = LocalMotionRenderer.outputSize(sw, sh, shortSide);
		int frames = seconds * FPS;
		Framing.Viewport[] ours = viewports(sw, sh, size[0], size[1], frames, prompt);
		Framing.Viewport first = ours[0], last = ours[frames - 1];
		double z0 = sw / (size[0] * first.scale()), z1 = sw / (size[0] * last.scale());
		String p = String.format(Locale.ROOT, "(0.5-0.5*cos(PI*on/%d))", frames - 1);
		String filter = String.format(Locale.ROOT,
				"zoompan=z='%.9f*pow(%.9f,%s)':x='%.6f+%.6f*%s-iw/zoom/2':y='%.6f+%.6f*%s-ih/zoom/2':d=%d:s=%dx%d:fps=%d,format=yuv420p",
				z0, z1 / z0, p, first.centerX() + 0.5, last.centerX() - first.centerX(), p, first.centerY() + 0.5,
				last.centerY() - first.centerY(), p, frames, size[0], size[1], FPS);
		List<String> command = List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-benchmark", "-i", jpeg.toString(),
				"-vf", filter, "-frames:v", Integer.toString(frames), "-c:v", "libx264", "-preset", "veryfast", "-crf",
				"23", "-movflags", "+faststart", mp4.toString());
		Path log = mp4.resolveSibling(mp4.getFileName() + ".log");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("ffmpeg took over 5 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		double wall = (System.nanoTime() - start) / 1e9;
		String output = Files.readString(log);
		if (process.exitValue() != 0) {
			throw new IOException("ffmpeg failed: " + output);
		}
		Matcher bench = FFMPEG_BENCH.matcher(output);
		double cpu = bench.find() ? Double.parseDouble(bench.group(1)) + Double.parseDouble(bench.group(2)) : Double.NaN;
		return new Run(wall, cpu, Files.size(mp4), Double.NaN);
	}

	/**
	 * The encode-only floor: the clip's frames sampled beforehand into a raw file (as the
	 * renderer would sample them), then only read back and encoded by the same encoder with the
	 * same threads. Returns wall seconds of the encoding.
	 */
	static double encodeOnly(BufferedImage image, int shortSide, int seconds, Path dir) throws IOException {
		int[] size = LocalMotionRenderer.outputSize(image.getWidth(), image.getHeight(), shortSide);
		int width = size[0], height = size[1], frames = seconds * FPS;
		List<Pose> poses = LocalMotionRenderer.poses(CameraPath.parse(PROMPT), frames, FPS);
		Framing framing = new Framing(image.getWidth(), image.getHeight(), width, height, poses);
		double widest = poses.stream().mapToDouble(pose -> framing.viewport(pose).scale()).max().orElse(1);
		SourcePlanes source = SourcePlanes.of(image, Math.min(1, LocalMotionRenderer.MAX_SOURCE_PIXELS_PER_OUTPUT_PIXEL / widest));
		Framing fitted = new Framing(source.width, source.height, width, height, poses);
		YuvFrame frame = new YuvFrame(width, height, width, width / 2);
		Path raw = dir.resolve("frames-" + shortSide + ".yuv");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 20)) {
			for (Pose pose : poses) {
				source.render(fitted.viewport(pose), frame);
				out.write(frame.y);
				out.write(frame.u);
				out.write(frame.v);
			}
		}
		Path mp4 = dir.resolve("floor-" + shortSide + ".mp4");
		long start = System.nanoTime();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(raw), 1 << 20);
				H264Encoder encoder = new H264Encoder(mp4, width, height, FPS,
						RenderProperties.defaults().encoderThreads())) {
			for (int i = 0; i < frames; i++) {
				in.readNBytes(frame.y, 0, frame.y.length);
				in.readNBytes(frame.u, 0, frame.u.length);
				in.readNBytes(frame.v, 0, frame.v.length);
				encoder.encode(frame);
			}
			encoder.finish();
		}
		double wall = (System.nanoTime() - start) / 1e9;
		Files.delete(raw);
		return wall;
	}

	/**
	 * Jitter and SSIM of 6 s at 768p, ours and zoompan's: every 5th frame decoded and compared
	 * with the frame its own path asks for, sampled exactly (Java2D bicubic at twice the size,
	 * averaged down 2×2, at the viewport's exact sub-pixel position). Jitter is the RMS of each
	 * frame's measured offset from that reference around the clip's mean offset, in output
	 * pixels: a smooth camera has the same (tiny) offset on every frame; whole-pixel rounding
	 * makes it wander.
	 */
	static void quality(Results results, String section, BufferedImage picture, Path dir) throws IOException {
		int shortSide = 768, frames = 6 * FPS;
		int[] size = LocalMotionRenderer.outputSize(picture.getWidth(), picture.getHeight(), shortSide);
		int width = size[0], height = size[1];
		Path jpeg = dir.resolve("picture.jpg");
		BufferedImage decodedPicture = ImageIO.read(jpeg.toFile());
		Path ourFile = dir.resolve("ours-768-6.mp4"), theirFile = dir.resolve("zoompan-768-6.mp4");
		int[] sampled = java.util.stream.IntStream.range(0, frames).filter(i -> i % 5 == 2).toArray();
		Framing.Viewport[] ourPath = viewports(picture.getWidth(), picture.getHeight(), width, height, frames, PROMPT);
		double[][] theirPath = zoompanPath(picture.getWidth(), picture.getHeight(), width, height, frames, PROMPT);
		List<BufferedImage> ourFrames = Mp4Files.decodeFrames(ourFile, sampled);
		List<BufferedImage> theirFrames = Mp4Files.decodeFrames(theirFile, sampled);
		double[] ourSsim = new double[sampled.length], theirSsim = new double[sampled.length];
		double[][] ourOffsets = new double[sampled.length][], theirOffsets = new double[sampled.length][];
		for (int k = 0; k < sampled.length; k++) {
			int i = sampled[k];
			Framing.Viewport v = ourPath[i];
			double ourLeft = v.centerX() + 0.5 - width * v.scale() / 2, ourTop = v.centerY() + 0.5 - height * v.scale() / 2;
			float[] ourReference = luma(exact(decodedPicture, ourLeft, ourTop, v.scale(), v.scale(), width, height));
			double zoom = theirPath[i][0];
			float[] theirReference = luma(exact(decodedPicture, theirPath[i][1], theirPath[i][2],
					picture.getWidth() / zoom / width, picture.getHeight() / zoom / height, width, height));
			float[] ourLuma = luma(ourFrames.get(k)), theirLuma = luma(theirFrames.get(k));
			ourSsim[k] = ssim(ourLuma, ourReference, width, height);
			theirSsim[k] = ssim(theirLuma, theirReference, width, height);
			ourOffsets[k] = offset(ourLuma, ourReference, width, height);
			theirOffsets[k] = offset(theirLuma, theirReference, width, height);
		}
		double ourJitter = jitter(ourOffsets), theirJitter = jitter(theirOffsets);
		results.add(section, "6 s 768p path jitter", ourJitter, "px", "zoompan jitter", theirJitter, "≤ 0.1 px",
				ourJitter <= 0.1);
		double ours = mean(ourSsim), theirs = mean(theirSsim);
		results.add(section, "6 s 768p SSIM vs exact path", ours, "", "zoompan SSIM", theirs, "≥ zoompan's",
				ours >= theirs);
		double ourRate = Files.size(ourFile) / 6.0, theirRate = Files.size(theirFile) / 6.0;
		results.add(section, "6 s 768p bytes/s at that SSIM", ourRate, "B/s", "zoompan bytes/s", theirRate, "≤ 1.0×",
				ourRate <= theirRate && ours >= theirs);
	}

	/** The picture sampled exactly at a viewport (left/top in continuous source pixels). */
	static BufferedImage exact(BufferedImage picture, double left, double top, double scaleX, double scaleY, int width,
			int height) {
		BufferedImage twice = new BufferedImage(width * 2, height * 2, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = twice.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		AffineTransform transform = new AffineTransform();
		transform.scale(2 / scaleX, 2 / scaleY);
		transform.translate(-left, -top);
		g.drawImage(picture, transform, null);
		g.dispose();
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int r = 0, gr = 0, b = 0;
				for (int dy = 0; dy < 2; dy++) {
					for (int dx = 0; dx < 2; dx++) {
						int rgb = twice.getRGB(2 * x + dx, 2 * y + dy);
						r += (rgb >> 16) & 255;
						gr += (rgb >> 8) & 255;
						b += rgb & 255;
					}
				}
				out.setRGB(x, y, ((r + 2) / 4) << 16 | ((gr + 2) / 4) << 8 | (b + 2) / 4);
			}
		}
		return out;
	}

	static float[] luma(BufferedImage image) {
		int width = image.getWidth(), height = image.getHeight();
		int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
		float[] luma = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			luma[i] = 0.2126f * ((p >> 16) & 255) + 0.7152f * ((p >> 8) & 255) + 0.0722f * (p & 255);
		}
		return luma;
	}

	/** Mean SSIM over 8×8 windows (the usual constants for 8-bit samples). */
	static double ssim(float[] a, float[] b, int width, int height) {
		double c1 = Math.pow(0.01 * 255, 2), c2 = Math.pow(0.03 * 255, 2), sum = 0;
		int windows = 0;
		for (int y0 = 0; y0 + 8 <= height; y0 += 8) {
			for (int x0 = 0; x0 + 8 <= width; x0 += 8) {
				double ma = 0, mb = 0, va = 0, vb = 0, cov = 0;
				for (int y = y0; y < y0 + 8; y++) {
					for (int x = x0; x < x0 + 8; x++) {
						ma += a[y * width + x];
						mb += b[y * width + x];
					}
				}
				ma /= 64;
				mb /= 64;
				for (int y = y0; y < y0 + 8; y++) {
					for (int x = x0; x < x0 + 8; x++) {
						double da = a[y * width + x] - ma, db = b[y * width + x] - mb;
						va += da * da;
						vb += db * db;
						cov += da * db;
					}
				}
				va /= 63;
				vb /= 63;
				cov /= 63;
				sum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
				windows++;
			}
		}
		return sum / windows;
	}

	/**
	 * Where {@code frame} sits against {@code reference}, to a fraction of a pixel: the whole-pixel
	 * shift (within ±3) with the least squared difference over the middle of the frame, refined by
	 * a parabola through its neighbours, on each axis.
	 */
	static double[] offset(float[] frame, float[] reference, int width, int height) {
		int r = 3;
		double[][] cost = new double[2 * r + 1][2 * r + 1];
		int x0 = width / 4, x1 = width * 3 / 4, y0 = height / 4, y1 = height * 3 / 4;
		for (int dy = -r; dy <= r; dy++) {
			for (int dx = -r; dx <= r; dx++) {
				double sum = 0;
				for (int y = y0; y < y1; y += 2) {
					for (int x = x0; x < x1; x += 2) {
						double d = frame[y * width + x] - reference[(y + dy) * width + x + dx];
						sum += d * d;
					}
				}
				cost[dy + r][dx + r] = sum;
			}
		}
		int bx = r, by = r;
		for (int dy = 0; dy <= 2 * r; dy++) {
			for (int dx = 0; dx <= 2 * r; dx++) {
				if (cost[dy][dx] < cost[by][bx]) {
					bx = dx;
					by = dy;
				}
			}
		}
		return new double[] { bx - r + vertex(cost[by], bx), by - r + vertex(column(cost, bx), by) };
	}

	private static double[] column(double[][] cost, int x) {
		double[] column = new double[cost.length];
		for (int y = 0; y < cost.length; y++) {
			column[y] = cost[y][x];
		}
		return column;
	}

	private static double vertex(double[] cost, int at) {
		if (at == 0 || at == cost.length - 1) {
			return 0;
		}
		double left = cost[at - 1], middle = cost[at], right = cost[at + 1];
		double curvature = left - 2 * middle + right;
		return curvature <= 0 ? 0 : 0.5 * (left - right) / curvature;
	}

	static double jitter(double[][] offsets) {
		double mx = 0, my = 0;
		for (double[] o : offsets) {
			mx += o[0];
			my += o[1];
		}
		mx /= offsets.length;
		my /= offsets.length;
		double sum = 0;
		for (double[] o : offsets) {
			sum += (o[0] - mx) * (o[0] - mx) + (o[1] - my) * (o[1] - my);
		}
		return Math.sqrt(sum / offsets.length);
	}

	private static double mean(double[] values) {
		return java.util.Arrays.stream(values).average().orElse(Double.NaN);
	}

}
