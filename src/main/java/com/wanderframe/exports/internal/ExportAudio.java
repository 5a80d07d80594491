package com.wanderframe.exports.internal;

import static com.wanderframe.platform.Libav.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_KEEP_REF;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_time_base;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_set_frame_size;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

import java.io.IOException;
import java.util.Locale;

import com.wanderframe.platform.Libav;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * The sound of an export, beside {@link ExportRenderer}'s picture: the source's audio track
 * decoded, run through the same edit as the picture (trim, then for a boomerang the sound played
 * forward and then reversed, then {@code atempo} for the speed, which keeps the pitch) and
 * encoded for the container: AAC in MP4, Opus in WebM. A GIF has no sound, so it never gets here.
 */
final class ExportAudio implements AutoCloseable {

	private static final int EAGAIN = -11;

	private final int streamIndex;

	private AVCodecContext decoder;

	private AVCodecContext encoder;

	private AVFilterGraph graph;

	private AVFilterContext source;

	private AVFilterContext sink;

	private AVStream outStream;

	private AVFrame frame;

	private AVFrame filtered;

	private AVPacket packet;

	private boolean ended;

	private ExportAudio(int streamIndex) {
		this.streamIndex = streamIndex;
	}

	int streamIndex() {
		return streamIndex;
	}

	/** Whether the edit wants no more of the source's sound (the trim has passed). */
	boolean ended() {
		return ended;
	}

	/**
	 * Sets up decoding, the edit and encoding of the input's stream {@code index}, and adds the
	 * sound stream to {@code output} (before its header is written). When it fails, nothing has
	 * been added to {@code output}.
	 */
	static ExportAudio open(AVFormatContext input, int index, AVFormatContext output, ExportSpec spec, double end,
			int threads) throws IOException {
		ExportAudio audio = new ExportAudio(index);
		try {
			audio.setUp(input.streams(index), output, spec, end, threads);
			return audio;
		}
		catch (IOException | RuntimeException ex) {
			audio.close();
			throw ex;
		}
	}

	private void setUp(AVStream stream, AVFormatContext output, ExportSpec spec, double end, int threads)
			throws IOException {
		AVCodec decoderCodec = avcodec_find_decoder(stream.codecpar().codec_id());
		if (decoderCodec == null) {
			throw new IOException("No decoder for the sound");
		}
		decoder = avcodec_alloc_context3(decoderCodec);
		check(avcodec_parameters_to_context(decoder, stream.codecpar()), "Setting up the sound decoder");
		decoder.pkt_timebase(stream.time_base());
		check(avcodec_open2(decoder, decoderCodec, (AVDictionary) null), "Opening the sound decoder");

		boolean webm = spec.format() == ExportFormat.WEBM;
		AVCodec codec = avcodec_find_encoder_by_name(webm ? "libopus" : "aac");
		if (codec == null) {
			throw new IOException("This FFmpeg build has no " + (webm ? "libopus" : "aac") + " encoder");
		}
		int channels = Math.min(2, Math.max(1, decoder.ch_layout().nb_channels()));
		// Opus runs at 48 kHz only; AAC keeps the source's rate.
		int rate = webm ? 48_000 : decoder.sample_rate();
		encoder = avcodec_alloc_context3(codec);
		encoder.sample_rate(rate)
			.sample_fmt(webm ? AV_SAMPLE_FMT_FLT : AV_SAMPLE_FMT_FLTP)
			.time_base(av_make_q(1, rate))
			.bit_rate(webm ? 96_000 : 128_000)
			.thread_count(threads);
		av_channel_layout_default(encoder.ch_layout(), channels);
		if ((output.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
			encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
		}
		check(avcodec_open2(encoder, codec, (AVDictionary) null), "Opening the sound encoder");

		graph = avfilter_graph_alloc();
		source = new AVFilterContext();
		sink = new AVFilterContext();
		AVRational timeBase = stream.time_base();
		String sourceArgs = String.format(Locale.ROOT, "time_base=%d/%d:sample_rate=%d:sample_fmt=%s:channel_layout=%s",
				timeBase.num(), timeBase.den(), decoder.sample_rate(),
				av_get_sample_fmt_name(decoder.sample_fmt()).getString(), layout(decoder));
		check(avfilter_graph_create_filter(source, avfilter_get_by_name("abuffer"), "in", sourceArgs, null, graph),
				"Creating the sound source");
		check(avfilter_graph_create_filter(sink, avfilter_get_by_name("abuffersink"), "out", null, null, graph),
				"Creating the sound sink");
		AVFilterInOut outputs = avfilter_inout_alloc();
		AVFilterInOut inputs = avfilter_inout_alloc();
		try {
			outputs.name(av_strdup(new BytePointer("in"))).filter_ctx(source).pad_idx(0).next(null);
			inputs.name(av_strdup(new BytePointer("out"))).filter_ctx(sink).pad_idx(0).next(null);
			check(avfilter_graph_parse_ptr(graph, filters(spec, end, encoder), inputs, outputs, null),
					"Building the sound filters");
		}
		finally {
			avfilter_inout_free(inputs);
			avfilter_inout_free(outputs);
		}
		check(avfilter_graph_config(graph, null), "Configuring the sound filters");
		if ((codec.capabilities() & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) == 0) {
			// AAC and Opus take frames of exactly their own size.
			av_buffersink_set_frame_size(sink, encoder.frame_size());
		}
		frame = av_frame_alloc();
		filtered = av_frame_alloc();
		packet = av_packet_alloc();
		// Last, once all else worked: a failure before this leaves the file without a sound stream.
		outStream = avformat_new_stream(output, null);
		check(avcodec_parameters_from_context(outStream.codecpar(), encoder), "Describing the sound stream");
		outStream.time_base(encoder.time_base());
	}

	/**
	 * The sound's edit, in the order of the picture's: trim, boomerang (there, then the same sound
	 * reversed: a boomerang is a clip played backwards, and its sound going backwards with it is
	 * what a person expects of one), speed (atempo takes 0.5–2 in one step, exactly our range),
	 * then the encoder's sample format, rate and channels.
	 */
	static String filters(ExportSpec spec, double end, AVCodecContext encoder) {
		StringBuilder graph = new StringBuilder("[in]");
		graph.append(String.format(Locale.ROOT, "atrim=start=%.3f", spec.trimStart()));
		if (spec.trimEnd() != null) {
			graph.append(String.format(Locale.ROOT, ":end=%.3f", end));
		}
		graph.append(",asetpts=PTS-STARTPTS");
		if (spec.boomerang()) {
			graph.append(",asplit[forth][back];[back]areverse[reversed];[forth][reversed]concat=n=2:v=0:a=1");
		}
		if (spec.speed() != 1) {
			graph.append(String.format(Locale.ROOT, ",atempo=%.4f", spec.speed()));
		}
		graph.append(String.format(Locale.ROOT, ",aresample=%d,aformat=sample_fmts=%s:channel_layouts=%s",
				encoder.sample_rate(), av_get_sample_fmt_name(encoder.sample_fmt()).getString(), layout(encoder)));
		graph.append("[out]");
		return graph.toString();
	}

	/** One packet of the source's sound. */
	void decode(AVPacket source, AVFormatContext output) throws IOException {
		if (ended) {
			return;
		}
		check(avcodec_send_packet(decoder, source), "Decoding the sound");
		receive(output);
	}

	/** The source has no more: the rest goes through and the encoder is emptied. */
	void finish(AVFormatContext output) throws IOException {
		if (!ended) {
			check(avcodec_send_packet(decoder, null), "Flushing the sound decoder");
			receive(output);
		}
		int closed = av_buffersrc_add_frame_flags(source, null, 0);
		if (closed != AVERROR_EOF) {
			check(closed, "Ending the sound filters");
		}
		drainFilters(output);
		check(avcodec_send_frame(encoder, null), "Flushing the sound encoder");
		drainEncoder(output);
	}

	private void receive(AVFormatContext output) throws IOException {
		while (true) {
			int decoded = avcodec_receive_frame(decoder, frame);
			if (decoded == EAGAIN || decoded == AVERROR_EOF) {
				return;
			}
			check(decoded, "Decoding the sound");
			frame.pts(frame.best_effort_timestamp());
			int added = av_buffersrc_add_frame_flags(source, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
			av_frame_unref(frame);
			if (added == AVERROR_EOF) {
				ended = true;
				return;
			}
			check(added, "Filtering the sound");
			drainFilters(output);
		}
	}

	private void drainFilters(AVFormatContext output) throws IOException {
		while (true) {
			int result = av_buffersink_get_frame(sink, filtered);
			if (result == EAGAIN || result == AVERROR_EOF) {
				return;
			}
			check(result, "Filtering the sound");
			try {
				AVRational sinkBase = av_buffersink_get_time_base(sink);
				if (sinkBase.num() != encoder.time_base().num() || sinkBase.den() != encoder.time_base().den()) {
					filtered.pts(Math.round(filtered.pts() * av_q2d(sinkBase) / av_q2d(encoder.time_base())));
				}
				check(avcodec_send_frame(encoder, filtered), "Encoding the sound");
			}
			finally {
				av_frame_unref(filtered);
			}
			drainEncoder(output);
		}
	}

	private void drainEncoder(AVFormatContext output) throws IOException {
		while (true) {
			int result = avcodec_receive_packet(encoder, packet);
			if (result == EAGAIN || result == AVERROR_EOF) {
				return;
			}
			check(result, "Encoding the sound");
			av_packet_rescale_ts(packet, encoder.time_base(), outStream.time_base());
			packet.stream_index(outStream.index());
			check(av_interleaved_write_frame(output, packet), "Writing the sound");
		}
	}

	private static String layout(AVCodecContext context) {
		byte[] buffer = new byte[64];
		int length = av_channel_layout_describe(context.ch_layout(), buffer, buffer.length);
		if (length <= 0) {
			return context.ch_layout().nb_channels() >= 2 ? "stereo" : "mono";
		}
		return Libav.text(buffer);
	}

	@Override
	public void close() {
		if (frame != null) {
			av_frame_free(frame);
		}
		if (filtered != null) {
			av_frame_free(filtered);
		}
		if (packet != null) {
			av_packet_free(packet);
		}
		if (graph != null) {
			avfilter_graph_free(graph);
		}
		if (encoder != null) {
			avcodec_free_context(encoder);
		}
		if (decoder != null) {
			avcodec_free_context(decoder);
		}
	}

}
