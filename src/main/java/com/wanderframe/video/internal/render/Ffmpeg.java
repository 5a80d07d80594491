package com.wanderframe.video.internal.render;

import java.io.IOException;

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

	static int check(int result, String what) throws IOException {
		if (result < 0) {
			throw new IOException(what + " failed: " + describe(result));
		}
		return result;
	}

	static String describe(int error) {
		byte[] buffer = new byte[256];
		avutil.av_strerror(error, buffer, buffer.length);
		int length = 0;
		while (length < buffer.length && buffer[length] != 0) {
			length++;
		}
		return new String(buffer, 0, length, java.nio.charset.StandardCharsets.UTF_8) + " (" + error + ")";
	}

}
