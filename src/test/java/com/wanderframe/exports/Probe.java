package com.wanderframe.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Loader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a file really holds, as FFmpeg's own ffprobe and ffmpeg programs (shipped in bytedeco's
 * build) read it: an independent decoder, not the code that wrote the file.
 */
final class Probe {

	record Info(String codec, int width, int height, double fps, long frames, double seconds) {
	}

	private Probe() {
	}

	static Info of(Path file) throws IOException {
		String json = run(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error", "-select_streams", "v:0",
				"-count_frames", "-show_entries", "stream=codec_name,width,height,r_frame_rate,nb_read_frames:format=duration",
				"-of", "json", file.toString());
		JsonNode root = JsonMapper.builder().build().readTree(json);
		JsonNode stream = root.path("streams").path(0);
		String[] rate = stream.path("r_frame_rate").asString().split("/");
		return new Info(stream.path("codec_name").asString(), stream.path("width").asInt(), stream.path("height").asInt(),
				Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]),
				Long.parseLong(stream.path("nb_read_frames").asString()),
				Double.parseDouble(root.path("format").path("duration").asString()));
	}

	/** The file's first sound track: its codec and length, from the samples ffmpeg decodes of it. */
	record Sound(String codec, double seconds, double loudness) {
	}

	/** The first sound track, or null when the file has none. */
	static Sound sound(Path file) throws IOException {
		String codec = run(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error", "-select_streams", "a:0",
				"-show_entries", "stream=codec_name", "-of", "csv=p=0", file.toString()).strip();
		if (codec.isEmpty()) {
			return null;
		}
		// Mono, 8 kHz, 16-bit: the count of samples is the length, their size how loud it is.
		int rate = 8000;
		byte[] raw = runBytes(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-i", file.toString(),
				"-map", "0:a:0", "-ac", "1", "-ar", String.valueOf(rate), "-f", "s16le", "-");
		java.nio.ByteBuffer samples = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		double sum = 0;
		int count = raw.length / 2;
		for (int i = 0; i < count; i++) {
			double sample = samples.getShort(i * 2) / 32768.0;
			sum += sample * sample;
		}
		return new Sound(codec, count / (double) rate, count == 0 ? 0 : Math.sqrt(sum / count));
	}

	/** The first frame as a picture, decoded by the ffmpeg program. */
	static java.awt.image.BufferedImage firstFrame(Path file) throws IOException {
		byte[] png = runBytes(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-i", file.toString(),
				"-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-");
		return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
	}

	/** Every frame as 8-bit grey pixels, decoded by the ffmpeg program. */
	static List<byte[]> greyFrames(Path file, int width, int height) throws IOException {
		byte[] raw = runBytes(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-i", file.toString(),
				"-f", "rawvideo", "-pix_fmt", "gray", "-");
		int size = width * height;
		List<byte[]> frames = new ArrayList<>();
		for (int offset = 0; offset + size <= raw.length; offset += size) {
			byte[] frame = new byte[size];
			System.arraycopy(raw, offset, frame, 0, size);
			frames.add(frame);
		}
		return frames;
	}

	/** Mean absolute difference of two grey frames, 0 to 255. */
	static double difference(byte[] a, byte[] b) {
		long sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
		}
		return sum / (double) a.length;
	}

	private static String run(String... command) throws IOException {
		return new String(runBytes(command), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static byte[] runBytes(String... command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
		// The programs' libraries sit beside them in the extracted jar.
		builder.environment().put("LD_LIBRARY_PATH", Path.of(command[0]).getParent().toString());
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		try {
			if (process.waitFor() != 0) {
				throw new IOException(String.join(" ", command) + " failed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		return output;
	}

}
