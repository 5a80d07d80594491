package com.wanderframe.exports.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.media.MediaStore;
import com.wanderframe.media.StorageQuota;
import com.wanderframe.platform.ScratchSpace;
import com.wanderframe.video.VideoRef;
import com.wanderframe.video.Videos;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/** The background half of an export, run by the {@code video-export} job as the server. */
@Component
class ExportJob {

	private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

	/** x264's and libvpx's threads for one export. */
	private static final int ENCODER_THREADS = 2;

	/** One export at a time per instance; the rest wait their turn (the generation renders come first). */
	private final Semaphore rendering = new Semaphore(1);

	private final VideoExports exports;

	private final Videos videos;

	private final MediaStore media;

	private final StorageQuota quota;

	private final ScratchSpace scratch;

	private final TransactionTemplate transactions;

	private final SubjectFocus subjects;

	ExportJob(VideoExports exports, Videos videos, MediaStore media, StorageQuota quota,
			ScratchSpace scratch, TransactionTemplate transactions, SubjectFocus subjects) {
		this.subjects = subjects;
		this.exports = exports;
		this.videos = videos;
		this.media = media;
		this.quota = quota;
		this.scratch = scratch;
		this.transactions = transactions;
	}

	private static double clamp(double fraction) {
		return Math.max(0, Math.min(1, Math.round(fraction * 1000) / 1000.0));
	}

	/** The job: renders, stores and completes one export; anything that goes wrong fails it, with a reason. */
	void render(UUID id) {
		VideoExports.Row row = transactions.execute(status -> exports.find(id)).orElse(null);
		if (row == null || row.status() == VideoExports.Status.COMPLETED || row.status() == VideoExports.Status.FAILED) {
			return;
		}
		VideoRef video = videos.findCompletedForLink(row.videoId()).orElse(null);
		if (video == null) {
			transactions.executeWithoutResult(status -> exports.fail(id, "video_not_found", "The video is gone."));
			return;
		}
		transactions.executeWithoutResult(status -> exports.start(id));
		rendering.acquireUninterruptibly();
		Path directory = null;
		try {
			directory = scratch.createDirectory("export-");
			Path source = directory.resolve("source.mp4");
			Path target = directory.resolve("export." + row.spec().format().value);
			media.copyTo(video.videoKey(), source);
			ExportSpec spec = row.spec();
			if (spec.aspect() != null && !row.focusGiven()) {
				// No point named: the crop follows the person, where there is one.
				double[] focus = subjects.of(video).orElse(null);
				if (focus != null) {
					spec = spec.focusedOn(clamp(focus[0]), clamp(focus[1]));
					ExportSpec followed = spec;
					transactions.executeWithoutResult(
							status -> exports.follow(id, followed.focusX(), followed.focusY()));
				}
			}
			ExportRenderer.Result result = ExportRenderer.render(source, target, spec, ENCODER_THREADS);
			long bytes = Files.size(target);
			if (!quota.hasRoom(row.ownerId(), bytes)) {
				transactions.executeWithoutResult(status -> exports.fail(id, "storage_quota_exceeded",
						"This export would not fit in your storage. Delete something and export again."));
				return;
			}
			String key = "exports/" + row.ownerId() + "/" + id + "." + row.spec().format().value;
			media.put(key, target, row.spec().format().contentType);
			boolean completed = transactions.execute(status -> exports.complete(id, key, bytes, result));
			if (!completed) {
				// Deleted meanwhile (with its video): the file has no row to belong to.
				media.delete(key);
			}
		}
		catch (ExportRenderer.Refused refused) {
			transactions.executeWithoutResult(status -> exports.fail(id, refused.code, refused.getMessage()));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Export {} of video {} failed", id, row.videoId(), ex);
			transactions.executeWithoutResult(
					status -> exports.fail(id, "export_failed", "The export could not be made. Try again."));
		}
		finally {
			rendering.release();
			if (directory != null) {
				try {
					FileSystemUtils.deleteRecursively(directory);
				}
				catch (IOException ex) {
					log.debug("Could not remove {}", directory, ex);
				}
			}
		}
	}

}
