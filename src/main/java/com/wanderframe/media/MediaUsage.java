package com.wanderframe.media;

import java.util.UUID;

/**
 * Bytes a person keeps in the media store: every object stored under a key of the form
 * {@code <kind>/<user id>/...} (photos, images, videos, exports) counts for that user until it is deleted.
 */
public interface MediaUsage {

	/** Reads in the caller's transaction, if any, so row-level security applies to it. */
	long bytesUsedBy(UUID user);

}
