package com.wanderframe.exports.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.wanderframe.media.MediaStore;
import com.wanderframe.media.StorageQuota;
import com.wanderframe.platform.ApiException;
import com.wanderframe.video.VideoDeleted;
import com.wanderframe.video.VideoRef;
import com.wanderframe.video.Videos;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export use case: every value is checked before anything is written (a refusal leaves no
 * row, no job, no file), then the pending row and its job are recorded in one transaction; the
 * job renders, stores the file under the person's media prefix (so it counts toward their
 * quota) and completes the row ({@link ExportJob}). Deleting the video deletes its exports.
 */
@Service
class EditAndExport {

	private static final Logger log = LoggerFactory.getLogger(EditAndExport.class);

	static final TaskDescriptor<Void> TASK = TaskDescriptor.of("video-export");

	static final double MIN_SPEED = 0.5;

	static final double MAX_SPEED = 2;

	static final double MIN_SECONDS = 0.5;

	static final int MIN_WIDTH = 64;

	/** Renders are CPU-bound and the person waits for none of them in a request: a few at a time is plenty. */
	static final int UNFINISHED_PER_PERSON = 3;

	private final VideoExports exports;

	private final Videos videos;

	private final MediaStore media;

	private final StorageQuota quota;

	private final SchedulerClient scheduler;

	private final TransactionTemplate transactions;

	EditAndExport(VideoExports exports, Videos videos, MediaStore media, StorageQuota quota,
			SchedulerClient scheduler, TransactionTemplate transactions) {
		this.exports = exports;
		this.videos = videos;
		this.media = media;
		this.quota = quota;
		this.scheduler = scheduler;
		this.transactions = transactions;
	}

	record Trim(Double start, Double end) {
	}

	record Focus(Double x, Double y) {
	}

	record ExportRequest(String format, Trim trim, Double speed, String loop, String aspect, Focus focus,
			Integer width) {
	}

	VideoExports.Row request(UUID user, UUID videoId, ExportRequest request) {
		if (request == null) {
			throw ApiException.badRequest("format_required", "Say which format: mp4, gif or webm.");
		}
		VideoRef video = videos.find(videoId)
			.orElseThrow(() -> ApiException.notFound("video_not_found", "There is no such video."));
		ExportSpec spec = check(request, video.durationSeconds());
		if (!video.completed()) {
			throw ApiException.conflict("video_not_ready", "Only a finished video can be exported.");
		}
		UUID id = UUID.randomUUID();
		return transactions.execute(status -> {
			if (exports.unfinished(user) >= UNFINISHED_PER_PERSON) {
				throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_unfinished_exports",
						"You have " + UNFINISHED_PER_PERSON + " exports on the way; wait for one to finish.");
			}
			// its size is known only once it is made: like a generation, it needs room left now
			quota.requireRoom(user, 0, "this export");
			exports.insert(id, videoId, user, spec, request.focus() != null);
			scheduler.scheduleIfNotExists(TASK.instance(id.toString()).scheduledTo(Instant.now()));
			return exports.find(id).orElseThrow();
		});
	}

	/** Checks every value; the first bad one is refused with its own code. */
	static ExportSpec check(ExportRequest request, int videoSeconds) {
		if (request.format() == null) {
			throw ApiException.badRequest("format_required", "Say which format: mp4, gif or webm.");
		}
		ExportFormat format = ExportFormat.of(request.format());
		if (format == null) {
			throw ApiException.badRequest("invalid_format", "An export is mp4, gif or webm.");
		}
		double start = 0;
		Double end = null;
		if (request.trim() != null) {
			start = request.trim().start() == null ? 0 : request.trim().start();
			end = request.trim().end();
			double until = end == null ? videoSeconds : end;
			if (!Double.isFinite(start) || start < 0 || (end != null && (!Double.isFinite(end) || end > videoSeconds))
					|| until - start < MIN_SECONDS) {
				throw ApiException.badRequest("invalid_trim", String.format(Locale.ROOT,
						"A trim keeps at least %.1f s between 0 and %d s (the video's length), start before end.",
						MIN_SECONDS, videoSeconds));
			}
		}
		double speed = request.speed() == null ? 1 : request.speed();
		if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
			throw ApiException.badRequest("invalid_speed", "Speed goes from 0.5 (half) to 2 (double).");
		}
		boolean boomerang;
		if (request.loop() == null || request.loop().equals("none")) {
			boomerang = false;
		}
		else if (request.loop().equals("boomerang")) {
			boomerang = true;
		}
		else {
			throw ApiException.badRequest("invalid_loop", "A loop is none or boomerang.");
		}
		ExportSpec.Aspect aspect = null;
		if (request.aspect() != null) {
			aspect = ExportSpec.Aspect.of(request.aspect());
			if (aspect == null) {
				throw ApiException.badRequest("invalid_aspect", "An aspect is 16:9, 9:16 or 1:1.");
			}
		}
		double focusX = 0.5;
		double focusY = 0.5;
		if (request.focus() != null) {
			if (aspect == null) {
				throw ApiException.badRequest("invalid_focus", "A focus point goes with an aspect to crop to.");
			}
			Double x = request.focus().x();
			Double y = request.focus().y();
			if (x == null || y == null || !(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
				throw ApiException.badRequest("invalid_focus",
						"A focus point is {x, y}, each from 0 to 1 (fractions of the frame, from the top left).");
			}
			focusX = x;
			focusY = y;
		}
		if (request.width() != null
				&& (request.width() < MIN_WIDTH || request.width() > ExportGeometry.MAX_WIDTH)) {
			throw ApiException.badRequest("invalid_width",
					"A width is " + MIN_WIDTH + " to " + ExportGeometry.MAX_WIDTH + " pixels.");
		}
		return new ExportSpec(format, start, end, speed, boomerang, aspect, focusX, focusY, request.width());
	}

	/** A person's own export, removed with its file. */
	void delete(UUID id) {
		String key = transactions.execute(status -> exports.delete(id))
			.orElseThrow(() -> ApiException.notFound("export_not_found", "There is no such export."));
		deleteQuietly(List.of(key));
	}

	/** The video's exports go with it. */
	@EventListener
	void videoDeleted(VideoDeleted deleted) {
		deleteQuietly(transactions.execute(status -> exports.deleteOfVideo(deleted.videoId())));
	}

	private void deleteQuietly(List<String> keys) {
		for (String key : keys) {
			if (key == null || key.isEmpty()) {
				continue;
			}
			try {
				media.delete(key);
			}
			catch (IOException ex) {
				log.warn("Could not remove the export file {}", key, ex);
			}
		}
	}

}
