package com.wanderframe.video.internal.render;

import java.io.IOException;
import java.nio.file.Path;

import com.wanderframe.platform.Libav;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/** Shared bits of talking to bytedeco's FFmpeg. */
final class Ffmpeg {

	/** {@code AVERROR(EAGAIN)}: EAGAIN is 11 on Linux, the only platform whose natives we ship. */
	static final int EAGAIN = -11;

	static {
		// x264 and the muxer are chatty on stderr; errors still reach us as return codes
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
	}

	private Ffmpeg() {
	}

	/** Loads the natives and quiets the log; cheap after the first call. */
	static void init() {
	}

	/**
	 * Opens a file we were given (a model's output, perhaps hostile) as an MP4 and nothing else:
	 * the demuxer is not guessed from the content, and FFmpeg may read only local files, so a
	 * crafted file cannot make it fetch a URL or open another container's parser.
	 */
	static void openMp4(AVFormatContext format, Path file) throws IOException {
		AVInputFormat mp4 = avformat.av_find_input_format("mp4");
		if (mp4 == null) {
			throw new IOException("This FFmpeg build has no MP4 demuxer");
		}
		AVDictionary options = new AVDictionary(null);
		try {
			avutil.av_dict_set(options, "protocol_whitelist", "file", 0);
			Libav.check(avformat.avformat_open_input(format, file.toAbsolutePath().toString(), mp4, options),
					"Opening " + file.getFileName() + " as MP4");
		}
		finally {
			avutil.av_dict_free(options);
		}
	}

}
