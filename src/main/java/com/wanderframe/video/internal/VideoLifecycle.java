package com.wanderframe.video.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.credits.Credits;
import com.wanderframe.media.MediaStore;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.video.internal.render.Mp4Files;
import com.wanderframe.video.internal.render.VideoInfo;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two ways a generation ends. Completing stores the video and its poster before the row
 * claims them; failing and refunding commit together, and the refund's unique ledger key makes a
 * second failure path (a late webhook, the sweeper) refund nothing.
 */
@Component
class VideoLifecycle {

	private static final Logger log = LoggerFactory.getLogger(VideoLifecycle.class);

	private final VideoGenerations generations;

	private final Credits credits;

	private final MediaStore media;

	private final TransactionTemplate transactions;

	private final GenerationMetrics metrics;

	VideoLifecycle(VideoGenerations generations, Credits credits, MediaStore media, TransactionTemplate transactions,
			GenerationMetrics metrics) {
		this.metrics = metrics;
		this.generations = generations;
		this.credits = credits;
		this.media = media;
		this.transactions = transactions;
	}

	/**
	 * Checks that {@code mp4} really is a playable H.264 video, stores it with a poster frame and
	 * marks the generation completed. A file that is not a video fails the generation instead.
	 */
	void complete(VideoGeneration generation, Path mp4) throws IOException {
		complete(generation, mp4, PlayableVideo.H264);
	}

	/** @param codec the codec the model declares it outputs, by FFmpeg's name ({@code h264}) */
	void complete(VideoGeneration generation, Path mp4, String codec) throws IOException {
		VideoInfo info;
		try {
			info = Mp4Files.probe(mp4);
		}
		catch (IOException ex) {
			log.warn("Generation {} produced no readable video: {}", generation.id(), ex.getMessage());
			fail(generation.id(), "output_invalid", "The video we received could not be played, so we refunded it.");
			return;
		}
		if (info.frameCount() == 0) {
			fail(generation.id(), "output_invalid", "The video we received was empty, so we refunded it.");
			return;
		}
		var problem = PlayableVideo.problem(info, codec, generation.durationSeconds());
		if (problem.isPresent()) {
			log.warn("Generation {} produced an unusable video: {}", generation.id(), problem.get());
			fail(generation.id(), "output_invalid", "The video we received was not one we can play, so we refunded it.");
			return;
		}
		Path poster = mp4.resolveSibling(generation.id() + "-poster.jpg");
		try {
			Mp4Files.writePoster(mp4, poster);
			String base = "videos/" + generation.userId() + "/" + generation.id();
			boolean completed = false;
			try {
				media.put(base + ".mp4", mp4, "video/mp4");
				media.put(base + ".jpg", poster, "image/jpeg");
				completed = generations.complete(generation.id(), base + ".mp4", base + ".jpg");
				if (completed) {
					metrics.completed("video", generation.model(), generation.createdAt());
				}
			}
			finally {
				if (!completed) {
					// Storage failed, or it ended another way meanwhile (the deadline): no orphans.
					deleteQuietly(base + ".mp4");
					deleteQuietly(base + ".jpg");
				}
			}
		}
		finally {
			Files.deleteIfExists(poster);
		}
	}

	private void deleteQuietly(String key) {
		try {
			media.delete(key);
		}
		catch (IOException ex) {
			log.warn("Could not remove {}", key, ex);
		}
	}

	/** @return whether this call ended the generation (and so refunded it) */
	boolean fail(UUID id, String code, String message) {
		Boolean failed = transactions.execute(status -> {
			if (!generations.fail(id, code, message)) {
				return false;
			}
			String model = generations.find(id).map(VideoGeneration::model).orElse("unknown");
			metrics.failed("video", model, code);
			if (credits.refund(id, "Refund: video generation failed (" + code + ")")) {
				metrics.refunded("video", model);
			}
			return true;
		});
		if (Boolean.TRUE.equals(failed)) {
			log.info("Generation {} failed ({}) and was refunded", id, code);
		}
		return Boolean.TRUE.equals(failed);
	}

	/** Progress is advisory; it never moves backwards and never past what completion reports. */
	void progress(UUID id, int percent) {
		generations.progress(id, Math.max(0, Math.min(99, percent)));
	}

}
