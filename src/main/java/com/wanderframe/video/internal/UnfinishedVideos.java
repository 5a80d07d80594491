package com.wanderframe.video.internal;

import java.util.UUID;

import com.wanderframe.ratelimit.UnfinishedGenerations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's videos still pending or processing, for the limit on unfinished generations. */
@Component
class UnfinishedVideos implements UnfinishedGenerations {

	private final JdbcClient jdbc;

	UnfinishedVideos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int unfinishedOf(UUID user) {
		return jdbc.sql("SELECT count(*) FROM video_generations WHERE user_id = ? AND status IN ('pending', 'processing')")
			.param(user)
			.query(Integer.class)
			.single();
	}

}
