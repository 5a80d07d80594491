package com.wanderframe.video.internal;

import java.util.UUID;

import com.wanderframe.imaging.ImageId;
import com.wanderframe.imaging.ImageRef;
import com.wanderframe.imaging.Images;
import com.wanderframe.photos.PhotoId;
import com.wanderframe.photos.Photos;
import com.wanderframe.platform.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frames of a video: the caller's finished step-3 images, or their uploads. The API takes
 * one id for either (a person animates whichever picture they chose); it is looked up first as
 * an image, then as a photo, each through its own typed lookup. Row-level security makes anyone
 * else's look like nothing at all.
 */
@Component
class SourceImages {

	private final Images images;

	private final Photos photos;

	SourceImages(Images images, Photos photos) {
		this.images = images;
		this.photos = photos;
	}

	/** A picture to start or end on: its media key and size in pixels. */
	record Source(UUID id, String key, int width, int height) {
	}

	/** @return the media key of the picture */
	@Transactional(readOnly = true)
	String require(UUID id) {
		return source(id).key();
	}

	@Transactional(readOnly = true)
	Source source(UUID id) {
		var image = images.find(new ImageId(id));
		if (image.isPresent()) {
			ImageRef ref = image.get();
			return switch (ref.status()) {
				case COMPLETED -> new Source(id, ref.mediaKey(), ref.width(), ref.height());
				case FAILED -> throw ApiException.conflict("image_failed",
						"That image could not be generated, so it cannot be animated. Generate it again first.");
				default -> throw ApiException.conflict("image_not_ready",
						"That image is still being generated. Wait until it is ready, then animate it.");
			};
		}
		return photos.find(new PhotoId(id))
			.map(photo -> new Source(id, photo.mediaKey(), photo.width(), photo.height()))
			.orElseThrow(() -> ApiException.notFound("image_not_found", "There is no such image."));
	}

}
