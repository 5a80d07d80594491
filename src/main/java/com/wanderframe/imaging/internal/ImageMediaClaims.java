package com.wanderframe.imaging.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.wanderframe.media.MediaClaims;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Generated images: the stored objects under {@code images/} that a row still refers to. */
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

	@Override
	public Set<String> claimed(Collection<String> keys) {
		return new HashSet<>(jdbc.sql("SELECT media_key FROM generated_images WHERE media_key = ANY (?::text[])")
			.param(keys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

}
