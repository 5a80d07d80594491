package com.wanderframe.exports.internal;

import static com.wanderframe.platform.Libav.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
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
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_h;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_format;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_time_base;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_w;
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
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Makes one export in-process with FFmpeg's libraries (bytedeco's build, the one the local
 * renderer encodes with): decode the source MP4, run it through one libavfilter graph (trim,
 * crop, scale, boomerang, speed, constant frame rate; for GIF a palette generated for the clip)
 * and encode the result. The graph is FFmpeg's own filters, spelled as {@code ffmpeg -vf} would
 * have them; only the plumbing between decoder, graph and encoder is ours. One instance per
 * file, one thread. The sound, where the source has some and the format can carry it (not a
 * GIF), goes through the same edit in {@link ExportAudio}.
 */
final class ExportRenderer implements AutoCloseable {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExportRenderer.class);

	/** {@code AVERROR(EAGAIN)} on Linux, the only platform whose natives we ship. */
	private static final int EAGAIN = -11;

	/** A boomerang holds the whole clip in memory (FFmpeg's reverse filter); beyond this it is refused. */
	static final long MAX_REVERSE_BYTES = 512L * 1024 * 1024;

	static {
		av_log_set_level(avutil.AV_LOG_ERROR);
	}

	/** What was written. */
	record Result(int width, int height, double fps, double seconds, boolean sound) {
	}

	/** A source that cannot be exported as asked (not a fault of ours): the message is for the person. */
	static final class Refused extends IOException {

		final String code;

		Refused(String code, String message) {
			super(message);
			this.code = code;
		}

	}

	private AVFormatContext input;

	private AVCodecContext decoder;

	private AVFilterGraph graph;

	private AVFormatContext output;

	private AVIOContext io;

	private AVCodecContext encoder;

	private AVStream outStream;

	private ExportAudio audio;

	private AVFrame frame;

	private AVFrame filtered;

	private AVPacket packet;

	private long framesWritten;

	static Result render(Path source, Path target, ExportSpec spec, int threads) throws IOException {
		try (ExportRenderer renderer = new ExportRenderer()) {
			return renderer.run(source, target, spec, threads);
		}
	}

	private Result run(Path source, Path target, ExportSpec spec, int threads) throws IOException {
		input = new AVFormatContext(null);
		AVInputFormat mp4 = av_find_input_format("mp4");
		AVDictionary inputOptions = new AVDictionary(null);
		try {
			// Only a local file, only as MP4: a crafted source cannot make FFmpeg open anything else.
			av_dict_set(inputOptions, "protocol_whitelist", "file", 0);
			check(avformat_open_input(input, source.toAbsolutePath().toString(), mp4, inputOptions), "Opening the video");
		}
		finally {
			av_dict_free(inputOptions);
		}
		check(avformat_find_stream_info(input, (AVDictionary) null), "Reading the video");
		int streamIndex = check(av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0),
				"Finding the video stream");
		AVStream stream = input.streams(streamIndex);
		AVCodec decoderCodec = avcodec_find_decoder(stream.codecpar().codec_id());
		if (decoderCodec == null) {
			throw new IOException("No decoder for the video");
		}
		decoder = avcodec_alloc_context3(decoderCodec);
		check(avcodec_parameters_to_context(decoder, stream.codecpar()), "Setting up the decoder");
		check(avcodec_open2(decoder, decoderCodec, (AVDictionary) null), "Opening the decoder");

		int sourceWidth = decoder.width();
		int sourceHeight = decoder.height();
		double sourceFps = av_q2d(stream.avg_frame_rate());
		int fps = spec.format() == ExportFormat.GIF ? ExportFormat.GIF_FPS
				: (int) Math.round(Double.isFinite(sourceFps) && sourceFps >= 1 && sourceFps <= 120 ? sourceFps : 25);
		double sourceSeconds = input.duration() > 0 ? input.duration() / (double) avutil.AV_TIME_BASE : 0;
		double end = spec.trimEnd() == null ? sourceSeconds : Math.min(spec.trimEnd(), sourceSeconds);
		if (sourceSeconds > 0 && spec.trimStart() >= sourceSeconds - 0.1) {
			throw new Refused("invalid_trim", "The video is only " + String.format(Locale.ROOT, "%.1f", sourceSeconds)
					+ " s long: the trim starts after its end.");
		}
		ExportGeometry geometry = ExportGeometry.of(sourceWidth, sourceHeight, spec);
		if (spec.boomerang()) {
			double frames = Math.max(end - spec.trimStart(), 0) * Math.max(sourceFps, 1);
			if (frames * geometry.width() * geometry.height() * 1.5 > MAX_REVERSE_BYTES) {
				throw new Refused("export_too_large",
						"This boomerang is too long at this size; trim it shorter or make it narrower.");
			}
		}

		AVRational timeBase = stream.time_base();
		AVFilterContext src = new AVFilterContext();
		AVFilterContext sink = new AVFilterContext();
		graph = avfilter_graph_alloc();
		String sourceArgs = String.format(Locale.ROOT, "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=1/1",
				sourceWidth, sourceHeight, decoder.pix_fmt(), timeBase.num(), timeBase.den());
		check(avfilter_graph_create_filter(src, avfilter_get_by_name("buffer"), "in", sourceArgs, null, graph),
				"Creating the filter source");
		check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph),
				"Creating the filter sink");
		AVFilterInOut outputs = avfilter_inout_alloc();
		AVFilterInOut inputs = avfilter_inout_alloc();
		try {
			outputs.name(av_strdup(new BytePointer("in"))).filter_ctx(src).pad_idx(0).next(null);
			inputs.name(av_strdup(new BytePointer("out"))).filter_ctx(sink).pad_idx(0).next(null);
			check(avfilter_graph_parse_ptr(graph, filters(spec, geometry, end, fps), inputs, outputs, null),
					"Building the filters");
		}
		finally {
			avfilter_inout_free(inputs);
			avfilter_inout_free(outputs);
		}
		check(avfilter_graph_config(graph, null), "Configuring the filters");

		openOutput(target, spec.format(), av_buffersink_get_w(sink), av_buffersink_get_h(sink),
				av_buffersink_get_format(sink), fps, threads);
		int soundIndex = spec.format() == ExportFormat.GIF ? -1
				: av_find_best_stream(input, AVMEDIA_TYPE_AUDIO, -1, streamIndex, (AVCodec) null, 0);
		if (soundIndex >= 0) {
			try {
				audio = ExportAudio.open(input, soundIndex, output, spec, end, threads);
			}
			catch (IOException ex) {
				// A sound track we cannot handle should not cost the person their picture.
				log.warn("Exporting without the sound track: {}", ex.getMessage());
			}
		}
		writeHeader(spec.format());

		frame = av_frame_alloc();
		filtered = av_frame_alloc();
		packet = av_packet_alloc();
		boolean inputDone = false;
		boolean graphDone = false;
		while (!inputDone && !(graphDone && (audio == null || audio.ended()))) {
			int read = av_read_frame(input, packet);
			if (read == AVERROR_EOF) {
				inputDone = true;
				check(avcodec_send_packet(decoder, null), "Flushing the decoder");
			}
			else {
				check(read, "Reading the video");
				try {
					if (packet.stream_index() == streamIndex && !graphDone) {
						check(avcodec_send_packet(decoder, packet), "Decoding the video");
					}
					else if (audio != null && packet.stream_index() == audio.streamIndex()) {
						audio.decode(packet, output);
					}
				}
				finally {
					av_packet_unref(packet);
				}
			}
			while (!graphDone) {
				int decoded = avcodec_receive_frame(decoder, frame);
				if (decoded == EAGAIN || decoded == AVERROR_EOF) {
					break;
				}
				check(decoded, "Decoding the video");
				frame.pts(frame.best_effort_timestamp());
				int added = av_buffersrc_add_frame_flags(src, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
				av_frame_unref(frame);
				if (added == AVERROR_EOF) {
					// The trim has ended: the graph wants nothing more, so the rest is not decoded.
					graphDone = true;
					break;
				}
				check(added, "Filtering a frame");
				drainFilters(sink);
			}
		}
		int ended = av_buffersrc_add_frame_flags(src, null, 0);
		if (ended != AVERROR_EOF) {
			check(ended, "Ending the filters");
		}
		drainFilters(sink);
		check(avcodec_send_frame(encoder, null), "Flushing the encoder");
		drainEncoder();
		if (audio != null) {
			audio.finish(output);
		}
		check(av_write_trailer(output), "Finishing the file");
		if (framesWritten == 0) {
			throw new Refused("invalid_trim", "Nothing of the video is left to export after trimming.");
		}
		return new Result(encoder.width(), encoder.height(), fps, framesWritten / (double) fps, audio != null);
	}

	/**
	 * The filter graph: trim first and crop and scale next, so everything after (the reversed copy
	 * a boomerang keeps in memory, the palette) works on as few pixels as possible.
	 */
	static String filters(ExportSpec spec, ExportGeometry geometry, double end, int fps) {
		StringBuilder graph = new StringBuilder("[in]");
		graph.append(String.format(Locale.ROOT, "trim=start=%.3f", spec.trimStart()));
		if (spec.trimEnd() != null) {
			graph.append(String.format(Locale.ROOT, ":end=%.3f", end));
		}
		graph.append(",setpts=PTS-STARTPTS");
		graph.append(String.format(Locale.ROOT, ",crop=%d:%d:%d:%d", geometry.cropWidth(), geometry.cropHeight(),
				geometry.cropX(), geometry.cropY()));
		graph.append(String.format(Locale.ROOT, ",scale=%d:%d:flags=lanczos,setsar=1", geometry.width(),
				geometry.height()));
		if (spec.format() != ExportFormat.GIF) {
			graph.append(",format=yuv420p");
		}
		if (spec.boomerang()) {
			// There and back: the clip, then the same frames in reverse.
			graph.append(",split[forth][back];[back]reverse[reversed];[forth][reversed]concat=n=2:v=1:a=0");
		}
		graph.append(String.format(Locale.ROOT, ",setpts=PTS/%.4f,fps=%d", spec.speed(), fps));
		if (spec.format() == ExportFormat.GIF) {
			// One palette made for this clip (its most used colours, weighted to what moves), then
			// every frame mapped onto it with a light ordered dither: good colour, small files.
			graph.append(",split[a][b];[a]palettegen=stats_mode=diff[palette];"
					+ "[b][palette]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle");
		}
		graph.append("[out]");
		return graph.toString();
	}

	private void openOutput(Path target, ExportFormat format, int width, int height, int pixelFormat, int fps,
			int threads) throws IOException {
		String file = target.toAbsolutePath().toString();
		output = new AVFormatContext(null);
		check(avformat_alloc_output_context2(output, null, format.muxer, file), "Creating the " + format.value + " file");
		AVCodec codec = avcodec_find_encoder_by_name(format.encoder);
		if (codec == null) {
			throw new IOException("This FFmpeg build has no " + format.encoder + " encoder");
		}
		outStream = avformat_new_stream(output, null);
		encoder = avcodec_alloc_context3(codec);
		encoder.width(width)
			.height(height)
			.pix_fmt(pixelFormat)
			.time_base(av_make_q(1, fps))
			.framerate(av_make_q(fps, 1))
			.sample_aspect_ratio(av_make_q(1, 1))
			.thread_count(threads);
		if (format != ExportFormat.GIF) {
			encoder.gop_size(2 * fps);
		}
		if ((output.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
			encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
		}
		AVDictionary options = new AVDictionary(null);
		try {
			switch (format) {
				case MP4 -> {
					av_dict_set(options, "preset", "veryfast", 0);
					av_dict_set(options, "crf", "20", 0);
					av_dict_set(options, "profile", "high", 0);
				}
				case WEBM -> {
					// Constant quality (a bit rate of 0 lets crf decide), at libvpx's quickest.
					encoder.bit_rate(0);
					av_dict_set(options, "crf", "32", 0);
					av_dict_set(options, "deadline", "realtime", 0);
					av_dict_set(options, "cpu-used", "8", 0);
					av_dict_set(options, "row-mt", "1", 0);
				}
				case GIF -> {
				}
			}
			check(avcodec_open2(encoder, codec, options), "Opening the " + format.encoder + " encoder");
		}
		finally {
			av_dict_free(options);
		}
		check(avcodec_parameters_from_context(outStream.codecpar(), encoder), "Describing the stream");
		outStream.time_base(av_make_q(1, fps));
		outStream.avg_frame_rate(av_make_q(fps, 1));
		io = new AVIOContext(null);
		check(avio_open(io, file, AVIO_FLAG_WRITE), "Opening the output file");
		output.pb(io);
	}

	private void writeHeader(ExportFormat format) throws IOException {
		AVDictionary muxer = new AVDictionary(null);
		try {
			if (format == ExportFormat.MP4) {
				av_dict_set(muxer, "movflags", "+faststart", 0);
			}
			if (format == ExportFormat.GIF) {
				av_dict_set(muxer, "loop", "0", 0);
			}
			check(avformat_write_header(output, muxer), "Writing the file header");
		}
		finally {
			av_dict_free(muxer);
		}
	}

	private void drainFilters(AVFilterContext sink) throws IOException {
		while (true) {
			int result = av_buffersink_get_frame(sink, filtered);
			if (result == EAGAIN || result == AVERROR_EOF) {
				return;
			}
			check(result, "Filtering a frame");
			try {
				filtered.pict_type(AV_PICTURE_TYPE_NONE);
				// The sink's clock is the fps filter's, 1/fps: the encoder's own.
				AVRational sinkBase = av_buffersink_get_time_base(sink);
				if (sinkBase.num() != encoder.time_base().num() || sinkBase.den() != encoder.time_base().den()) {
					filtered.pts(Math.round(filtered.pts() * av_q2d(sinkBase) / av_q2d(encoder.time_base())));
				}
				check(avcodec_send_frame(encoder, filtered), "Encoding a frame");
			}
			finally {
				av_frame_unref(filtered);
			}
			drainEncoder();
		}
	}

	private void drainEncoder() throws IOException {
		while (true) {
			int result = avcodec_receive_packet(encoder, packet);
			if (result == EAGAIN || result == AVERROR_EOF) {
				return;
			}
			check(result, "Encoding a frame");
			framesWritten++;
			av_packet_rescale_ts(packet, encoder.time_base(), outStream.time_base());
			packet.stream_index(outStream.index());
			check(av_interleaved_write_frame(output, packet), "Writing a frame");
		}
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
		if (audio != null) {
			audio.close();
		}
		if (graph != null) {
			avfilter_graph_free(graph);
		}
		if (encoder != null) {
			avcodec_free_context(encoder);
		}
		if (io != null) {
			avio_closep(io);
			if (output != null) {
				output.pb(null);
			}
		}
		if (output != null) {
			avformat_free_context(output);
		}
		if (decoder != null) {
			avcodec_free_context(decoder);
		}
		if (input != null) {
			avformat_close_input(input);
		}
	}

}
