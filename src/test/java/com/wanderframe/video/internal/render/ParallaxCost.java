package com.wanderframe.video.internal.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.wanderframe.location.Stage;

/**
 * What parallax and ambient motion cost next to today's flat pan: the same 6 s 768p clip of a
 * 2048x1152 picture, rendered flat and through five depth layers (sky, far, middle, near and a
 * subject, with water, drifting sky and twinkling windows as in Paris at dusk), alternating, in
 * one run, on this machine. Prints wall and process CPU seconds per clip and the ratios of the
 * medians (CPU time stays meaningful on a busy machine). {@code ReadmePictures --cost} does the
 * same with the README's real picture (the astronaut in Paris). Not a test (surefire runs only
 * *Tests); run it by hand:
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     com.wanderframe.video.internal.render.ParallaxCost [rounds]
 * </pre>
 */
public final class ParallaxCost {

	static final int W = 2048, H = 1152;

	static final String PROMPT = "slow pan right, gentle push in";

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		compare("a textured 2048x1152 picture", TestPictures.textured(W, H, 7), scene(), rounds);
	}

	/**
	 * Renders {@code picture} flat and {@code scene} through its layers, alternating, and prints
	 * the figures; round 0 warms up the JIT for both and is not counted.
	 */
	public static void compare(String what, BufferedImage picture, SceneLayers scene, int rounds) throws Exception {
		LocalMotionRenderer renderer = new LocalMotionRenderer();
		var cpu = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		Path directory = Files.createTempDirectory("parallax-cost");
		List<double[]> flat = new ArrayList<>(), layered = new ArrayList<>();
		try {
			for (int round = 0; round <= rounds; round++) {
				for (boolean depth : new boolean[] { false, true }) {
					Path mp4 = directory.resolve(round + "-" + depth + ".mp4");
					RenderRequest request = depth ? new RenderRequest(picture, PROMPT, 6, 768, 25, scene)
							: new RenderRequest(picture, PROMPT, 6, 768, 25);
					long start = System.nanoTime(), cpuStart = cpu.getProcessCpuTime();
					renderer.render(request, mp4, (percent) -> {
					});
					double[] figures = { (System.nanoTime() - start) / 1e9, (cpu.getProcessCpuTime() - cpuStart) / 1e9 };
					VideoInfo info = Mp4Files.probe(mp4);
					System.out.printf("round %d %-8s %dx%d %d frames: %.2f s wall, %.2f s CPU, %d KB%n", round,
							depth ? "layered" : "flat", info.width(), info.height(), info.frameCount(), figures[0],
							figures[1], Files.size(mp4) / 1024);
					if (round > 0) {
						(depth ? layered : flat).add(figures);
					}
					Files.delete(mp4);
				}
			}
		}
		finally {
			Files.delete(directory);
		}
		double flatWall = median(flat, 0), flatCpu = median(flat, 1);
		double layeredWall = median(layered, 0), layeredCpu = median(layered, 1);
		System.out.printf("%s, 6 s 768p \"%s\", median of %d: flat pan %.2f s wall / %.2f s CPU; parallax + ambient"
				+ " %.2f s wall / %.2f s CPU; ratio %.2fx wall, %.2fx CPU%n", what, PROMPT, rounds, flatWall, flatCpu,
				layeredWall, layeredCpu, layeredWall / flatWall, layeredCpu / flatCpu);
	}

	/** Layers shaped like a painted backdrop's: each nearer one covers less of the picture. */
	static SceneLayers scene() {
		Rectangle subject = new Rectangle(W * 3 / 10, H * 3 / 10, W / 4, H * 7 / 10);
		return new SceneLayers(List.of(
				new SceneLayers.Layer("sky", TestPictures.textured(W, H, 1), SceneLayers.parallaxOf("sky"), false),
				layer("far", 2, 0.45), layer("middle", 3, 0.6), layer("near", 4, 0.78),
				new SceneLayers.Layer("subject", only(TestPictures.textured(W, H, 5), subject),
						SceneLayers.parallaxOf("subject"), true)),
				0.74, subject, Set.of(Stage.Ambient.WATER, Stage.Ambient.WINDOWS, Stage.Ambient.CLOUDS));
	}

	private static SceneLayers.Layer layer(String name, long seed, double top) {
		BufferedImage picture = TestPictures.textured(W, H, seed);
		BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
		for (int x = 0; x < W; x++) {
			// a ragged skyline
			int from = (int) (H * (top + 0.05 * Math.sin(x * 0.013) + 0.03 * Math.sin(x * 0.051)));
			for (int y = Math.max(0, from); y < H; y++) {
				out.setRGB(x, y, picture.getRGB(x, y) | 0xFF000000);
			}
		}
		return new SceneLayers.Layer(name, out, SceneLayers.parallaxOf(name), false);
	}

	private static BufferedImage only(BufferedImage picture, Rectangle area) {
		BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_ARGB);
		for (int y = area.y; y < area.y + area.height; y++) {
			for (int x = area.x; x < area.x + area.width; x++) {
				// an oval figure with a soft edge, as a matte has
				double dx = (x - area.getCenterX()) / (area.width / 2.0), dy = (y - area.getCenterY()) / (area.height / 2.0);
				double inside = 1 - Math.sqrt(dx * dx + dy * dy);
				int alpha = (int) Math.max(0, Math.min(255, inside * 2550));
				out.setRGB(x, y, alpha << 24 | (picture.getRGB(x, y) & 0xFFFFFF));
			}
		}
		return out;
	}

	private static double median(List<double[]> figures, int which) {
		double[] values = figures.stream().mapToDouble((f) -> f[which]).toArray();
		Arrays.sort(values);
		return values.length % 2 == 1 ? values[values.length / 2]
				: (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
	}

}
