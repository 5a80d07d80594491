package com.wanderframe.video.internal.render;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How fast the local renderer makes clips: ms per frame and total seconds for 6 s at 768p and
 * 1080p from a 2048x1152 picture. Not a test: surefire only runs *Test and *Tests classes, so
 * {@code ./mvnw verify} leaves it out. Run it by hand:
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     com.wanderframe.video.internal.render.RendererBenchmark [rounds] [renderer threads]
 * </pre>
 *
 * Rounds per size default to 3 (the first also warms up the JIT); renderer threads default to
 * what the Spring bean uses. Besides wall time it prints the process CPU time of each clip,
 * which stays meaningful on a busy machine, and the cost of the sampling alone. Clips go to a
 * temporary directory that is removed.
 */
public final class RendererBenchmark {

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		LocalMotionRenderer renderer = args.length > 1 ? new LocalMotionRenderer(Integer.parseInt(args[1]))
				: new LocalMotionRenderer();
		BufferedImage image = TestPictures.textured(2048, 1152, 7);
		Path directory = Files.createTempDirectory("renderer-benchmark");
		var cpu = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		try {
			for (int shortSide : new int[] { 768, 1080 }) {
				for (int round = 1; round <= rounds; round++) {
					Path mp4 = directory.resolve(shortSide + "-" + round + ".mp4");
					RenderRequest request = new RenderRequest(image, "Slow push in, gentle pan right", 6, shortSide, 25);
					long start = System.nanoTime(), cpuStart = cpu.getProcessCpuTime();
					renderer.render(request, mp4, (percent) -> {
					});
					double seconds = (System.nanoTime() - start) / 1e9;
					double cpuSeconds = (cpu.getProcessCpuTime() - cpuStart) / 1e9;
					VideoInfo info = Mp4Files.probe(mp4);
					System.out.printf("%dp %dx%d round %d: %.2f s total, %.1f ms/frame (%.2f s of CPU), %d frames, %d KB%n",
							shortSide, info.width(), info.height(), round, seconds, seconds * 1000 / info.frameCount(),
							cpuSeconds, info.frameCount(), Files.size(mp4) / 1024);
				}
				// the sampling alone, on one thread, without the encoder
				SourcePlanes source = SourcePlanes.of(image, 1);
				int[] size = LocalMotionRenderer.outputSize(image.getWidth(), image.getHeight(), shortSide);
				YuvFrame frame = new YuvFrame(size[0], size[1], size[0], size[0] / 2);
				CameraPath path = CameraPath.parse("Slow push in, gentle pan right");
				var poses = LocalMotionRenderer.poses(path, 150, 25);
				Framing framing = new Framing(source.width, source.height, size[0], size[1], poses);
				for (int round = 0; round < 3; round++) {
					long threadStart = threads.getCurrentThreadCpuTime();
					for (Pose pose : poses) {
						source.render(framing.viewport(pose), frame);
					}
					System.out.printf("%dp sampling alone: %.2f ms/frame of CPU%n", shortSide,
							(threads.getCurrentThreadCpuTime() - threadStart) / 1e6 / poses.size());
				}
			}
		}
		finally {
			try (var files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(directory);
		}
	}

}
