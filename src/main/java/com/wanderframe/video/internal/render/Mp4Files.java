package com.wanderframe.video.internal.render;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.wanderframe.platform.Libav;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * Looking into MP4 files, ours or a provider's: what they hold, their frames, and a poster.
 */
public final class Mp4Files {

	/** How far into the clip the poster is taken, past any fade-in. */
	static final double POSTER_SECONDS = 1.0;

	private static final float POSTER_QUALITY = 0.88f;

	private Mp4Files() {
	}

	/**
	 * Describes the file's video stream; {@code frameCount} counts the packets actually in the
	 * file, not what its header claims.
	 * @throws IOException if the file cannot be read or has no video
	 */
	public static VideoInfo probe(Path file) throws IOException {
		Ffmpeg.init();
		AVFormatContext format = new AVFormatContext(null);
		AVPacket packet = null;
		try {
			Ffmpeg.openMp4(format, file);
			Libav.check(avformat_find_stream_info(format, (AVDictionary) null), "Reading " + file);
			int index = Libav.check(av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0),
					"Finding a video stream in " + file);
			AVStream stream = format.streams(index);
			AVCodecParameters parameters = stream.codecpar();
			packet = av_packet_alloc();
			long frames = 0;
			while (true) {
				int result = av_read_frame(format, packet);
				if (result == AVERROR_EOF) {
					break;
				}
				Libav.check(result, "Reading " + file);
				if (packet.stream_index() == index) {
					frames++;
				}
				av_packet_unref(packet);
			}
			double duration = stream.duration() > 0 ? stream.duration() * av_q2d(stream.time_base())
					: format.duration() > 0 ? (double) format.duration() / AV_TIME_BASE : 0;
			return new VideoInfo(string(avcodec_get_name(parameters.codec_id())),
					string(av_get_pix_fmt_name(parameters.format())), parameters.width(), parameters.height(),
					rate(stream), frames, duration);
		}
		finally {
			if (packet != null) {
				av_packet_free(packet);
			}
			if (!format.isNull()) {
				avformat_close_input(format);
			}
		}
	}

	/**
	 * Writes a JPEG poster: the frame {@value #POSTER_SECONDS} s in, or the first one of a
	 * shorter clip.
	 * @throws IOException if the video cannot be decoded; no poster file is left then
	 */
	public static void writePoster(Path mp4, Path jpeg) throws IOException {
		BufferedImage poster = null;
		try (VideoDecoder decoder = new VideoDecoder(mp4)) {
			double first = Double.NaN;
			double fps = rate(decoder.stream());
			while (decoder.next()) {
				double seconds = decoder.seconds();
				if (Double.isNaN(seconds)) {
					seconds = fps > 0 ? decoder.index() / fps : decoder.index() / 25.0;
				}
				if (Double.isNaN(first)) {
					first = seconds;
				}
				if (seconds - first >= POSTER_SECONDS - 1e-6 || poster == null) {
					poster = decoder.image();
					if (seconds - first >= POSTER_SECONDS - 1e-6) {
						break;
					}
				}
			}
			if (poster == null) {
				throw new IOException("No frame in " + mp4);
			}
		}
		writeJpeg(poster, jpeg);
	}

	/**
	 * The last frame, exactly as decoded (a video is continued from it).
	 * @throws IOException if the video cannot be decoded or has no frame
	 */
	public static BufferedImage lastFrame(Path mp4) throws IOException {
		BufferedImage last = null;
		try (VideoDecoder decoder = new VideoDecoder(mp4)) {
			while (decoder.next()) {
				last = decoder.image();
			}
		}
		if (last == null) {
			throw new IOException("No frame in " + mp4);
		}
		return last;
	}

	/** The frame at {@code index} (from 0, in presentation order). */
	public static BufferedImage decodeFrame(Path mp4, int index) throws IOException {
		return decodeFrames(mp4, index).get(0);
	}

	/**
	 * The frames at {@code indexes} (from 0, in presentation order), decoded in one pass, in the
	 * order asked.
	 * @throws IOException if the file has fewer frames
	 */
	public static List<BufferedImage> decodeFrames(Path mp4, int... indexes) throws IOException {
		int[] sorted = indexes.clone();
		Arrays.sort(sorted);
		BufferedImage[] found = new BufferedImage[indexes.length];
		int next = 0;
		try (VideoDecoder decoder = new VideoDecoder(mp4)) {
			while (next < sorted.length && decoder.next()) {
				BufferedImage image = null;
				while (next < sorted.length && sorted[next] == decoder.index()) {
					image = image == null ? decoder.image() : image;
					for (int i = 0; i < indexes.length; i++) {
						if (indexes[i] == sorted[next] && found[i] == null) {
							found[i] = image;
						}
					}
					next++;
				}
			}
		}
		if (next < sorted.length) {
			throw new IOException("No frame " + sorted[next] + " in " + mp4);
		}
		return new ArrayList<>(Arrays.asList(found));
	}

	private static void writeJpeg(BufferedImage image, Path jpeg) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		boolean written = false;
		try (OutputStream out = Files.newOutputStream(jpeg); ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(POSTER_QUALITY);
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), parameters);
			written = true;
		}
		finally {
			writer.dispose();
			if (!written) {
				Files.deleteIfExists(jpeg);
			}
		}
	}

	private static double rate(AVStream stream) {
		AVRational rate = stream.avg_frame_rate();
		if (rate.num() <= 0 || rate.den() <= 0) {
			rate = stream.r_frame_rate();
		}
		return rate.num() > 0 && rate.den() > 0 ? av_q2d(rate) : 0;
	}

	private static String string(BytePointer pointer) {
		return pointer == null || pointer.isNull() ? "unknown" : pointer.getString();
	}

}
