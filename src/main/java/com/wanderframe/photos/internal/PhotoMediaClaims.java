package com.wanderframe.photos.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.wanderframe.media.MediaClaims;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Photos people uploaded and their cut-outs: the stored objects under {@code photos/} that a row
 * still refers to.
 */
@Component
class PhotoMediaClaims implements MediaClaims {

	private final JdbcClient jdbc;

	PhotoMediaClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String prefix() {
		return "photos/";
	}

	/** A photo's key, and the cut-outs kept beside it while the photo exists. */
	@Override
	public Set<String> claimed(Collection<String> keys) {
		Set<String> photos = new HashSet<>(jdbc.sql("SELECT media_key FROM photos WHERE media_key = ANY (?::text[])")
			.param(keys.stream().map(Cutouts::photoKeyOf).distinct().toArray(String[]::new))
			.query(String.class)
			.list());
		Set<String> claimed = new HashSet<>();
		for (String key : keys) {
			if (photos.contains(Cutouts.photoKeyOf(key))) {
				claimed.add(key);
			}
		}
		return claimed;
	}

}
