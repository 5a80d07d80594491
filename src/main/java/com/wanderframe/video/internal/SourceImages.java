package com.wanderframe.video.internal;

import java.util.UUID;

import com.wanderframe.imaging.ImageRef;
import com.wanderframe.imaging.Images;
import com.wanderframe.photos.Photos;
import com.wanderframe.platform.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first frame of a video: the caller's finished step-3 image, or one of their uploads.
 * Row-level security makes anyone else's look like nothing at all.
 */
@Component
class SourceImages {

	private final Images images;

	private final Photos photos;

	SourceImages(Images images, Photos photos) {
		this.images = images;
		this.photos = photos;
	}

	/** @return the media key of the image to animate */
	@Transactional(readOnly = true)
	String require(UUID id) {
		var image = images.find(id);
		if (image.isPresent()) {
			ImageRef ref = image.get();
			return switch (ref.status()) {
				case "completed" -> ref.mediaKey();
				case "failed" -> throw ApiException.conflict("image_failed",
						"That image could not be generated, so it cannot be animated. Generate it again first.");
				default -> throw ApiException.conflict("image_not_ready",
						"That image is still being generated. Wait until it is ready, then animate it.");
			};
		}
		return photos.find(id)
			.map(photo -> photo.mediaKey())
			.orElseThrow(() -> ApiException.notFound("image_not_found", "There is no such image."));
	}

}
