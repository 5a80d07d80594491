package com.wanderframe.video.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.wanderframe.media.MediaClaims;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Videos and their posters (a hidden generation's media is removed when it is hidden): the stored objects under {@code videos/} that a row still refers to. */
@Component
class VideoMediaClaims implements MediaClaims {

	private final JdbcClient jdbc;

	VideoMediaClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String prefix() {
		return "videos/";
	}

	@Override
	public Set<String> claimed(Collection<String> keys) {
		return new HashSet<>(jdbc.sql("""
				SELECT key FROM video_generations, LATERAL (VALUES (video_url), (poster_url)) AS k (key)
				WHERE key = ANY (?::text[])
				""")
			.param(keys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

}
