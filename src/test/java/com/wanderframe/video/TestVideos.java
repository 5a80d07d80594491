package com.wanderframe.video;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Loader;

import com.wanderframe.video.internal.render.LocalMotionRenderer;
import com.wanderframe.video.internal.render.RenderRequest;

/** A real, small H.264 MP4 for a fake provider to hand out as its output. */
public final class TestVideos {

	private static byte[] clip;

	private static byte[] clipWithSound;

	private TestVideos() {
	}

	static synchronized byte[] mp4() {
		if (clip == null) {
			try {
				BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = image.createGraphics();
				g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 640, 360, Color.BLUE));
				g.fillRect(0, 0, 640, 360);
				g.dispose();
				Path file = Files.createTempFile("wanderframe-test-", ".mp4");
				new LocalMotionRenderer().render(new RenderRequest(image, "pan right", 1, 144, 25), file, p -> {
				});
				clip = Files.readAllBytes(file);
				Files.delete(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return clip.clone();
	}

	/**
	 * A two-second H.264 clip with an AAC sound track (a 440 Hz tone), like a video model with
	 * sound answers; made by the ffmpeg program that ships with bytedeco's FFmpeg build.
	 */
	public static synchronized byte[] mp4WithSound() {
		if (clipWithSound == null) {
			try {
				Path file = Files.createTempFile("wanderframe-test-sound-", ".mp4");
				run(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-y", "-f", "lavfi", "-i",
						"color=c=orange:s=640x360:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2", "-c:v", "libx264",
						"-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", file.toString());
				clipWithSound = Files.readAllBytes(file);
				Files.delete(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return clipWithSound.clone();
	}

	/** The codec of the file's first sound track (e.g. {@code aac}), or empty when it has none. */
	public static String audioCodec(Path file) throws IOException {
		return run(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error", "-select_streams", "a:0",
				"-show_entries", "stream=codec_name", "-of", "csv=p=0", file.toString()).strip();
	}

	private static String run(String... command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// The program's libraries (libva, libdrm) sit beside it in the extracted jar.
		builder.environment().put("LD_LIBRARY_PATH", Path.of(command[0]).getParent().toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		try {
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IOException(command[0] + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		return output;
	}

}
