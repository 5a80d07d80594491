package com.wanderframe.video.internal.render;

/**
 * What a video file holds: codec and pixel format by FFmpeg's names (e.g. {@code h264},
 * {@code yuv420p}), frame size, frame rate, the number of video frames actually in the file,
 * and its duration.
 */
public record VideoInfo(String codec, String pixelFormat, int width, int height, double fps, long frameCount,
		double durationSeconds) {
}
