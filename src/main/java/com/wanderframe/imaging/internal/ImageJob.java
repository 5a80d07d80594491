package com.wanderframe.imaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.wanderframe.credits.Credits;
import com.wanderframe.imaging.ImageLayers;
import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import com.wanderframe.media.MediaStore;
import com.wanderframe.photos.PhotoRef;
import com.wanderframe.photos.Photos;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.replicate.ReplicateCallInterruptedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The background half of step 3, run by db-scheduler (durable: scheduled in the request's
 * transaction, revived after a crash, rescheduled while Replicate works so no thread waits).
 * Makes the image, stores it under {@code images/<user>/<id>.jpg}, then marks it completed; on
 * any failure marks it failed and refunds, in one transaction, exactly once. An interrupted run
 * (shutdown) is no failure: it ends with an exception and the task is run again.
 */
@Component
class ImageJob {

	static final String TASK = "generate-image";

	private static final Logger log = LoggerFactory.getLogger(ImageJob.class);

	private final GeneratedImages images;

	private final ImageGenerator generator;

	private final Photos photos;

	private final MediaStore media;

	private final Locations locations;

	private final Credits credits;

	private final TransactionTemplate transactions;

	private final GenerationMetrics metrics;

	ImageJob(GeneratedImages images, ImageGenerator generator, Photos photos, MediaStore media, Locations locations,
			Credits credits, TransactionTemplate transactions, GenerationMetrics metrics) {
		this.metrics = metrics;
		this.images = images;
		this.generator = generator;
		this.photos = photos;
		this.media = media;
		this.locations = locations;
		this.credits = credits;
		this.transactions = transactions;
	}

	static TaskInstance<Void> instance(UUID imageId) {
		return new TaskInstance<>(TASK, imageId.toString());
	}

	/**
	 * One run of the job.
	 * @return when to run again, while the generator is waiting on someone else; empty when the
	 * image reached a terminal state (or already had one)
	 */
	Optional<Duration> run(UUID id) {
		Optional<GeneratedImages.Row> found = images.row(id);
		if (found.isEmpty() || found.get().terminal()) {
			return Optional.empty();
		}
		Optional<Instant> startedAt = images.markProcessing(id);
		if (startedAt.isEmpty()) {
			return Optional.empty();
		}
		GeneratedImages.Row row = found.get();
		Path temp = null;
		try {
			Location location = locations.find(row.location())
				.orElseThrow(() -> new ImageGenerationException("location_not_found",
						"This location is no longer offered. Your credits were refunded."));
			temp = Files.createTempFile("wanderframe-image-", ".jpg");
			ImageGenerator.Outcome outcome = generator.generate(new ImageGenerator.ImageRequest(id,
					new StoredPhoto(row.photoId()), location, row.predictionId(), startedAt.get(),
					prediction -> images.recordPrediction(id, prediction)), temp);
			if (outcome instanceof ImageGenerator.StillRunning running) {
				return Optional.of(running.checkAgainIn());
			}
			ImageGenerator.GeneratedImage result = (ImageGenerator.GeneratedImage) outcome;
			String key = "images/" + row.userId() + "/" + id + ".jpg";
			media.put(key, temp, "image/jpeg");
			ImageLayers.store(media, key, LocalCompositor.layersDirectory(temp));
			if (images.complete(id, key, "image/jpeg", result.width(), result.height())) {
				metrics.completed("image", row.model(), row.createdAt());
			}
			else {
				// Failed meanwhile (and refunded): the picture must not outlive its row's claim.
				ImageLayers.delete(media, key);
				media.delete(key);
			}
		}
		catch (ImageGenerationException ex) {
			log.info("Image {} failed: {} ({})", id, ex.code(), ex.getMessage());
			fail(id, ex.code(), ex.getMessage());
		}
		catch (ReplicateCallInterruptedException ex) {
			// Shutdown interrupted the job, nothing failed: no refund; the task's failure handler runs it again.
			log.info("Image {} was interrupted ({}); it will be run again", id, ex.getMessage());
			throw ex;
		}
		catch (Exception ex) {
			if (Thread.currentThread().isInterrupted()) {
				// Most likely caused by the interrupt itself; the same applies.
				log.info("Image {} was interrupted ({}); it will be run again", id, ex.toString());
				throw new IllegalStateException("Image " + id + " was interrupted", ex);
			}
			log.warn("Image {} failed unexpectedly", id, ex);
			fail(id, "generation_failed",
					"Something went wrong while making your picture. Your credits were refunded; please try again.");
		}
		finally {
			if (temp != null) {
				try {
					FileSystemUtils.deleteRecursively(LocalCompositor.layersDirectory(temp));
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					log.debug("Could not delete {}", temp, ex);
				}
			}
		}
		return Optional.empty();
	}

	/** The step-1 photo, looked up and read only when a generator asks for its bytes. */
	private final class StoredPhoto implements ImageGenerator.Photo {

		private final UUID photoId;

		private PhotoRef photo;

		StoredPhoto(UUID photoId) {
			this.photoId = photoId;
		}

		@Override
		public String contentType() {
			return ref().contentType();
		}

		@Override
		public byte[] bytes() throws IOException {
			try (InputStream in = media.open(ref().mediaKey())) {
				return in.readAllBytes();
			}
		}

		private PhotoRef ref() {
			if (photo == null) {
				photo = photos.find(photoId)
					.orElseThrow(() -> new ImageGenerationException("photo_not_found",
							"Your photo was deleted before the image was made. Your credits were refunded."));
			}
			return photo;
		}

	}

	/** Failed and refunded together, or neither; a second call changes nothing. */
	void fail(UUID id, String code, String message) {
		transactions.executeWithoutResult(status -> {
			if (images.fail(id, code, message)) {
				String model = images.row(id).map(GeneratedImages.Row::model).orElse("unknown");
				metrics.failed("image", model, code);
				if (credits.refund(id, "Image failed: " + code)) {
					metrics.refunded("image", model);
				}
			}
		});
	}

}
