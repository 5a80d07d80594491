package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code video_batches}: which variants were started together, on which image. */
@Repository
class VideoBatches {

	private final JdbcClient jdbc;

	VideoBatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Batch(UUID id, UUID userId, UUID imageId, Instant createdAt) {
	}

	void insert(UUID id, UUID user, UUID image) {
		jdbc.sql("INSERT INTO video_batches (id, user_id, image_id) VALUES (?, ?, ?)").params(id, user, image).update();
	}

	/** Row-level security limits this to the acting user's batches in requests. */
	Optional<Batch> find(UUID id) {
		return jdbc.sql("SELECT id, user_id, image_id, created_at FROM video_batches WHERE id = ?")
			.param(id)
			.query(Batch.class)
			.optional();
	}

}
