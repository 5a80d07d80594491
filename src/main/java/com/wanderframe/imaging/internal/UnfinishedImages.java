package com.wanderframe.imaging.internal;

import java.util.UUID;

import com.wanderframe.ratelimit.UnfinishedGenerations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's images still pending or processing, for the limit on unfinished generations. */
@Component
class UnfinishedImages implements UnfinishedGenerations {

	private final JdbcClient jdbc;

	UnfinishedImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int unfinishedOf(UUID user) {
		return jdbc.sql("SELECT count(*) FROM generated_images WHERE user_id = ? AND status IN ('pending', 'processing')")
			.param(user)
			.query(Integer.class)
			.single();
	}

}
