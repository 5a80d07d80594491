package com.wanderframe.video.internal;

import org.junit.jupiter.api.Test;

import com.wanderframe.video.internal.render.VideoInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a finished video, whatever a model sends. */
class PlayableVideoTests {

	@Test
	void anH264VideoOfAboutTheAskedLengthIsFine() {
		assertThat(PlayableVideo.problem(video("h264", 1280, 720, 6.04), "h264", 6)).isEmpty();
	}

	@Test
	void anotherCodecThanTheModelDeclaresIsRefused() {
		assertThat(PlayableVideo.problem(video("hevc", 1280, 720, 6), "h264", 6)).hasValueSatisfying(
				problem -> assertThat(problem).contains("hevc"));
		assertThat(PlayableVideo.problem(video("hevc", 1280, 720, 6), "hevc", 6)).as("a model declaring HEVC").isEmpty();
	}

	@Test
	void absurdFrameSizesAndLengthsAreRefused() {
		assertThat(PlayableVideo.problem(video("h264", 8, 8, 6), "h264", 6)).isPresent();
		assertThat(PlayableVideo.problem(video("h264", 16384, 720, 6), "h264", 6)).isPresent();
		assertThat(PlayableVideo.problem(video("h264", 1280, 720, 0), "h264", 6)).isPresent();
		assertThat(PlayableVideo.problem(video("h264", 1280, 720, 3600), "h264", 6)).isPresent();
	}

	private static VideoInfo video(String codec, int width, int height, double seconds) {
		return new VideoInfo(codec, "yuv420p", width, height, 24, Math.round(seconds * 24), seconds);
	}

}
