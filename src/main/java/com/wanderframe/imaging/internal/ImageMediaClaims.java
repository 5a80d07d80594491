package com.wanderframe.imaging.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.wanderframe.imaging.ImageLayers;
import com.wanderframe.media.MediaClaims;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Generated images and their layers: the stored objects under {@code images/} that a row still
 * refers to.
 */
@Component
class ImageMediaClaims implements MediaClaims {

	private final JdbcClient jdbc;

	ImageMediaClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String prefix() {
		return "images/";
	}

	/** An image's key, and the layers kept beside it while the image exists (for its local video). */
	@Override
	public Set<String> claimed(Collection<String> keys) {
		Set<String> images = new HashSet<>(jdbc.sql("SELECT media_key FROM generated_images WHERE media_key = ANY (?::text[])")
			.param(keys.stream().map(ImageLayers::imageKeyOf).distinct().toArray(String[]::new))
			.query(String.class)
			.list());
		Set<String> claimed = new HashSet<>();
		for (String key : keys) {
			if (images.contains(ImageLayers.imageKeyOf(key))) {
				claimed.add(key);
			}
		}
		return claimed;
	}

}
