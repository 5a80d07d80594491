package com.wanderframe.video.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.media.MediaStore;
import com.wanderframe.photos.PhotoRef;
import com.wanderframe.photos.Photos;
import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.ScratchSpace;
import com.wanderframe.video.internal.render.Mp4Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Continuing a video: its last frame, decoded exactly and kept losslessly (PNG) as one of the
 * person's own pictures, becomes the new video's first frame. Only a finished video the caller
 * can see (their own; row-level security) can be continued.
 */
@Component
class Continuations {

	private static final Logger log = LoggerFactory.getLogger(Continuations.class);

	private final VideoHistory history;

	private final MediaStore media;

	private final Photos photos;

	private final ScratchSpace scratch;

	Continuations(VideoHistory history, MediaStore media, Photos photos, ScratchSpace scratch) {
		this.history = history;
		this.media = media;
		this.photos = photos;
		this.scratch = scratch;
	}

	/** The first frame of a continuation: stored, its row not yet written. */
	record Still(SourceImages.Source source, PhotoRef photo) {
	}

	/**
	 * @throws ApiException 404 {@code video_not_found} (also someone else's), 409
	 * {@code video_not_ready} while it is unfinished or failed
	 */
	Still lastFrameOf(UUID videoId) {
		VideoGeneration video = history.get(videoId);
		if (video.status() != GenerationStatus.COMPLETED) {
			throw ApiException.conflict("video_not_ready",
					"Only a finished video can be continued. Wait until it is ready.");
		}
		Path mp4 = null;
		Path png = null;
		try {
			mp4 = scratch.createFile("continue-", ".mp4");
			png = scratch.createFile("last-frame-", ".png");
			media.copyTo(video.videoKey(), mp4);
			BufferedImage frame = Mp4Files.lastFrame(mp4);
			if (!ImageIO.write(frame, "png", png.toFile())) {
				throw new IOException("No PNG writer");
			}
			PhotoRef photo = photos.storeStill(video.userId(), png, frame.getWidth(), frame.getHeight());
			return new Still(new SourceImages.Source(photo.id(), photo.mediaKey(), photo.width(), photo.height()),
					photo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not take the last frame of video " + videoId, ex);
		}
		finally {
			deleteQuietly(mp4);
			deleteQuietly(png);
		}
	}

	/** Writes the still's row, in the generation's transaction. */
	void record(Still still) {
		photos.recordStill(still.photo());
	}

	void discard(Still still) {
		photos.discardStill(still.photo());
	}

	private static void deleteQuietly(Path path) {
		if (path == null) {
			return;
		}
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", path, ex);
		}
	}

}
