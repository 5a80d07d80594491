package com.wanderframe.exports.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.wanderframe.media.MediaClaims;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Export files under {@code exports/} that a row still refers to; the orphan sweep removes the rest. */
@Component
class ExportMediaClaims implements MediaClaims {

	private final JdbcClient jdbc;

	ExportMediaClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String prefix() {
		return "exports/";
	}

	@Override
	public Set<String> claimed(Collection<String> keys) {
		return new HashSet<>(jdbc.sql("SELECT media_key FROM video_exports WHERE media_key = ANY (?::text[])")
			.param(keys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

}
