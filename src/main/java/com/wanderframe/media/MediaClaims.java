package com.wanderframe.media;

import java.util.Collection;
import java.util.Set;

/**
 * A module that keeps media tells the orphan sweep which of its stored objects a row still
 * refers to; objects under its prefix that no row claims (left by a crash between storing and
 * recording) are removed once they are old enough. Keys under no module's prefix are never
 * touched.
 */
public interface MediaClaims {

	/** Where this module's objects live, e.g. {@code photos/}. */
	String prefix();

	/** Those of {@code keys} (all under {@link #prefix()}) that some row refers to; sees every row. */
	Set<String> claimed(Collection<String> keys);

}
