package com.wanderframe.video.internal.render;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;

import com.wanderframe.platform.Libav;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads the video frames of a file in presentation order. One instance per file, one thread.
 */
final class VideoDecoder implements AutoCloseable {

	private AVFormatContext format;

	private AVCodecContext codec;

	private AVFrame frame;

	private AVPacket packet;

	private SwsContext scaler;

	private BytePointer bgr;

	private PointerPointer<BytePointer> target;

	private IntPointer targetStride;

	private final int streamIndex;

	private final AVStream stream;

	private boolean flushed;

	private long index = -1;

	VideoDecoder(Path file) throws IOException {
		Ffmpeg.init();
		try {
			format = new AVFormatContext(null);
			Ffmpeg.openMp4(format, file);
			Libav.check(avformat_find_stream_info(format, (AVDictionary) null), "Reading " + file);
			streamIndex = Libav.check(av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0),
					"Finding a video stream in " + file);
			stream = format.streams(streamIndex);
			AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
			if (decoder == null) {
				throw new IOException("No decoder for the video in " + file);
			}
			codec = avcodec_alloc_context3(decoder);
			Libav.check(avcodec_parameters_to_context(codec, stream.codecpar()), "Setting up the decoder");
			Libav.check(avcodec_open2(codec, decoder, (AVDictionary) null), "Opening the decoder");
			frame = av_frame_alloc();
			packet = av_packet_alloc();
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	AVFormatContext format() {
		return format;
	}

	AVStream stream() {
		return stream;
	}

	/** Decodes the next frame; false at the end of the video. */
	boolean next() throws IOException {
		while (true) {
			int result = avcodec_receive_frame(codec, frame);
			if (result >= 0) {
				index++;
				return true;
			}
			if (result == AVERROR_EOF) {
				return false;
			}
			if (result != Ffmpeg.EAGAIN) {
				Libav.check(result, "Decoding a frame");
			}
			if (flushed) {
				return false;
			}
			int read = av_read_frame(format, packet);
			if (read < 0) {
				if (read != AVERROR_EOF) {
					Libav.check(read, "Reading the video");
				}
				flushed = true;
				Libav.check(avcodec_send_packet(codec, null), "Flushing the decoder");
				continue;
			}
			try {
				if (packet.stream_index() == streamIndex) {
					Libav.check(avcodec_send_packet(codec, packet), "Decoding a frame");
				}
			}
			finally {
				av_packet_unref(packet);
			}
		}
	}

	/** Index of the current frame, counting from 0. */
	long index() {
		return index;
	}

	/** When the current frame shows, in seconds on the stream's clock (NaN if unknown). */
	double seconds() {
		long timestamp = frame.best_effort_timestamp();
		return timestamp == AV_NOPTS_VALUE ? Double.NaN : timestamp * av_q2d(stream.time_base());
	}

	/** The current frame as an RGB picture. */
	BufferedImage image() throws IOException {
		int width = frame.width(), height = frame.height();
		if (scaler == null) {
			scaler = sws_getContext(width, height, frame.format(), width, height, AV_PIX_FMT_BGR24,
					SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, null, null, (double[]) null);
			if (scaler == null) {
				throw new IOException("Cannot convert frames of format " + frame.format());
			}
			int format = frame.format();
			boolean fullRange = frame.color_range() == AVCOL_RANGE_JPEG || format == AV_PIX_FMT_YUVJ420P
					|| format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P;
			IntPointer matrix = sws_getCoefficients(frame.colorspace() == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT);
			sws_setColorspaceDetails(scaler, matrix, fullRange ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0,
					1 << 16, 1 << 16);
			bgr = new BytePointer((long) width * height * 3);
			target = new PointerPointer<>(4);
			target.put(0, bgr);
			targetStride = new IntPointer(width * 3, 0, 0, 0);
		}
		sws_scale(scaler, frame.data(), frame.linesize(), 0, height, target, targetStride);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
		bgr.position(0).get(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
		return image;
	}

	@Override
	public void close() {
		if (scaler != null) {
			sws_freeContext(scaler);
			scaler = null;
		}
		if (bgr != null) {
			bgr.close();
			target.close();
			targetStride.close();
			bgr = null;
		}
		if (frame != null) {
			av_frame_free(frame);
			frame = null;
		}
		if (packet != null) {
			av_packet_free(packet);
			packet = null;
		}
		if (codec != null) {
			avcodec_free_context(codec);
			codec = null;
		}
		if (format != null) {
			avformat_close_input(format);
			format = null;
		}
	}

}
