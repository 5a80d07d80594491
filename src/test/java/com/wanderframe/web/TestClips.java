package com.wanderframe.web;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * A short real H.264 MP4 (and a poster frame), made once per test JVM through bytedeco's FFmpeg,
 * for testing the player on its own: a box sweeping across a gradient, with the frame number.
 */
final class TestClips {

	static final int WIDTH = 640;

	static final int HEIGHT = 360;

	static final int FPS = 25;

	static final int SECONDS = 6;

	private static Path mp4;

	private static Path poster;

	private TestClips() {
	}

	static synchronized Path mp4() {
		if (mp4 == null) {
			try {
				Path dir = Files.createTempDirectory("wanderframe-clip");
				Path video = dir.resolve("clip.mp4");
				encode(video);
				Path jpeg = dir.resolve("poster.jpg");
				ImageIO.write(frame(0), "jpg", jpeg.toFile());
				poster = jpeg;
				mp4 = video;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return mp4;
	}

	static synchronized Path poster() {
		mp4();
		return poster;
	}

	private static BufferedImage frame(int index) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new java.awt.GradientPaint(0, 0, new Color(30, 60, 120), WIDTH, HEIGHT, new Color(220, 150, 70)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		int x = (WIDTH - 80) * index / (FPS * SECONDS);
		g.setColor(Color.WHITE);
		g.fillRect(x, HEIGHT / 2 - 40, 80, 80);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
		g.drawString("frame " + index, 20, 40);
		g.dispose();
		return image;
	}

	private static void check(int result, String what) throws IOException {
		if (result < 0) {
			throw new IOException(what + " failed: " + result);
		}
	}

	private static void encode(Path target) throws IOException {
		av_log_set_level(AV_LOG_ERROR);
		AVCodec codec = avcodec_find_encoder_by_name("libx264");
		AVCodecContext context = avcodec_alloc_context3(codec);
		context.width(WIDTH);
		context.height(HEIGHT);
		context.time_base(av_make_q(1, FPS));
		context.framerate(av_make_q(FPS, 1));
		context.pix_fmt(AV_PIX_FMT_YUV420P);
		context.gop_size(FPS);
		AVFormatContext format = new AVFormatContext(null);
		check(avformat_alloc_output_context2(format, null, "mp4", target.toString()), "output");
		if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
			context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
		}
		AVDictionary codecOptions = new AVDictionary(null);
		av_dict_set(codecOptions, "preset", "veryfast", 0);
		check(avcodec_open2(context, codec, codecOptions), "open encoder");
		av_dict_free(codecOptions);
		AVStream stream = avformat_new_stream(format, null);
		check(avcodec_parameters_from_context(stream.codecpar(), context), "stream parameters");
		stream.time_base(context.time_base());
		AVIOContext io = new AVIOContext(null);
		check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open file");
		format.pb(io);
		AVDictionary muxerOptions = new AVDictionary(null);
		av_dict_set(muxerOptions, "movflags", "+faststart", 0);
		check(avformat_write_header(format, muxerOptions), "header");
		av_dict_free(muxerOptions);

		AVFrame frame = av_frame_alloc();
		frame.format(AV_PIX_FMT_YUV420P);
		frame.width(WIDTH);
		frame.height(HEIGHT);
		check(av_frame_get_buffer(frame, 0), "frame buffer");
		AVPacket packet = av_packet_alloc();
		for (int i = 0; i < FPS * SECONDS; i++) {
			check(av_frame_make_writable(frame), "writable frame");
			fill(frame, frame(i));
			frame.pts(i);
			check(avcodec_send_frame(context, frame), "encode");
			drain(context, format, stream, packet);
		}
		check(avcodec_send_frame(context, null), "flush");
		drain(context, format, stream, packet);
		check(av_write_trailer(format), "trailer");
		avio_closep(format.pb());
		av_packet_free(packet);
		av_frame_free(frame);
		avcodec_free_context(context);
		avformat_free_context(format);
	}

	private static void drain(AVCodecContext context, AVFormatContext format, AVStream stream, AVPacket packet)
			throws IOException {
		while (avcodec_receive_packet(context, packet) == 0) {
			av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
			packet.stream_index(stream.index());
			check(av_interleaved_write_frame(format, packet), "write");
			av_packet_unref(packet);
		}
	}

	/** RGB to BT.601 limited-range YUV 4:2:0. */
	private static void fill(AVFrame frame, BufferedImage image) {
		BytePointer y = frame.data(0);
		BytePointer u = frame.data(1);
		BytePointer v = frame.data(2);
		int yStride = frame.linesize(0);
		int uStride = frame.linesize(1);
		int vStride = frame.linesize(2);
		int[] rgb = image.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
		for (int row = 0; row < HEIGHT; row++) {
			for (int col = 0; col < WIDTH; col++) {
				int p = rgb[row * WIDTH + col];
				int r = (p >> 16) & 0xff;
				int g = (p >> 8) & 0xff;
				int b = p & 0xff;
				y.put((long) row * yStride + col, (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16));
				if (row % 2 == 0 && col % 2 == 0) {
					u.put((long) (row / 2) * uStride + col / 2, (byte) (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128));
					v.put((long) (row / 2) * vStride + col / 2, (byte) (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128));
				}
			}
		}
	}

}
