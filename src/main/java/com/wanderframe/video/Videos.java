package com.wanderframe.video;

import java.util.Optional;
import java.util.UUID;

/** Step 4's results, as other modules see them. Hidden (deleted) videos are never found. */
public interface Videos {

	/** The acting user's video in any status (row-level security hides everyone else's). */
	Optional<VideoRef> find(UUID id);

	/**
	 * Anyone's completed video, read as the server whoever is signed in: only for a caller that
	 * holds a capability the owner handed out (a share link's token).
	 */
	Optional<VideoRef> findCompletedForLink(UUID id);

}
