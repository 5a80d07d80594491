package com.wanderframe.photos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** Step 1's uploads, as other modules see them. */
public interface Photos {

	/** The acting user's photo (row-level security hides everyone else's). */
	Optional<PhotoRef> find(PhotoId id);

	/**
	 * Keeps a picture the app made for the person (a video's last frame) as one of their photos,
	 * byte for byte: no cleaning, no re-encoding. Only the file is stored here; its row is written
	 * by {@link #recordStill} in the caller's transaction, so a refused request can
	 * {@link #discardStill} it and leave nothing (a crash in between leaves a file the orphan
	 * sweep removes).
	 * @param png a PNG of at most 2048 pixels on the long side
	 */
	PhotoRef storeStill(UUID owner, Path png, int width, int height) throws IOException;

	/** Writes the row of a still stored by {@link #storeStill}, in the caller's transaction. */
	void recordStill(PhotoRef still);

	/** Removes the file of a still whose row was never written. */
	void discardStill(PhotoRef still);

}
