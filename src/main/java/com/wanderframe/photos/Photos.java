package com.wanderframe.photos;

import java.util.Optional;

/** Step 1's uploads, as other modules see them. */
public interface Photos {

	/** The acting user's photo (row-level security hides everyone else's). */
	Optional<PhotoRef> find(PhotoId id);

	/** Bytes of photos, images, videos and exports one person may keep ({@code WANDERFRAME_STORAGE_QUOTA}). */
	long storageQuota();

}
