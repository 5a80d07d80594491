package com.wanderframe.video.internal;

import java.util.Optional;

import com.wanderframe.video.internal.render.VideoInfo;

/**
 * What a finished video must be before we store it and call it done: the codec its model
 * declares, a frame size a player and our poster code handle, and about the length asked for.
 * A model's output is not trusted to be any of these.
 */
final class PlayableVideo {

	/** What every model we run today outputs (and what our player is tested with). */
	static final String H264 = "h264";

	static final int MIN_SIDE = 16;

	static final int MAX_SIDE = 4096;

	private PlayableVideo() {
	}

	/** Why the video is unusable, or empty when it is fine. */
	static Optional<String> problem(VideoInfo info, String codec, int requestedSeconds) {
		if (!codec.equals(info.codec())) {
			return Optional.of("codec " + info.codec() + ", expected " + codec);
		}
		if (info.width() < MIN_SIDE || info.height() < MIN_SIDE || info.width() > MAX_SIDE
				|| info.height() > MAX_SIDE) {
			return Optional.of("frame size " + info.width() + "x" + info.height());
		}
		// Models round lengths (Hailuo's 6 s can be 5.9 s); anything far off is not what was paid for.
		double longest = requestedSeconds * 2.0 + 1;
		if (!(info.durationSeconds() > 0) || info.durationSeconds() > longest) {
			return Optional.of("duration " + info.durationSeconds() + " s for " + requestedSeconds + " s asked");
		}
		return Optional.empty();
	}

}
