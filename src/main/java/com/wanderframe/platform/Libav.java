package com.wanderframe.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * How every module that calls bytedeco's FFmpeg in-process turns libav's negative return codes
 * into errors a person's failure can carry, and reads the C strings libav writes into buffers.
 */
public final class Libav {

	private Libav() {
	}

	/** @return {@code result} when it is not an error; otherwise the error, with libav's own words */
	public static int check(int result, String what) throws IOException {
		if (result < 0) {
			throw new IOException(what + " failed: " + describe(result));
		}
		return result;
	}

	/** libav's text for an error code, e.g. "Invalid data found when processing input (-1094995529)". */
	public static String describe(int error) {
		byte[] buffer = new byte[256];
		avutil.av_strerror(error, buffer, buffer.length);
		return text(buffer) + " (" + error + ")";
	}

	/** The NUL-terminated string libav wrote into {@code buffer}. */
	public static String text(byte[] buffer) {
		int length = 0;
		while (length < buffer.length && buffer[length] != 0) {
			length++;
		}
		return new String(buffer, 0, length, StandardCharsets.UTF_8);
	}

}
