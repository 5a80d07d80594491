package com.wanderframe.imaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wanderframe.imaging.ImageRef;
import com.wanderframe.imaging.Images;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code generated_images} table. Reads in request work run in a transaction, so row-level
 * security shows the acting user their own rows only. Every state change is one conditional
 * UPDATE: a terminal row ({@code completed}, {@code failed}) never changes again.
 */
@Repository
class GeneratedImages implements Images {

	private final JdbcClient jdbc;

	GeneratedImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID id, UUID userId, UUID photoId, String location, String status, String mediaKey,
			String contentType, Integer width, Integer height, int cost, String model, String predictionId,
			String errorCode, String errorMessage, Instant createdAt, Instant updatedAt) {

		boolean terminal() {
			return "completed".equals(status) || "failed".equals(status);
		}

	}

	void insert(UUID id, UUID user, UUID photo, String location, int cost, String model) {
		jdbc.sql("""
				INSERT INTO generated_images (id, user_id, photo_id, location, status, cost, model)
				VALUES (?, ?, ?, ?, 'pending', ?, ?)
				""").params(id, user, photo, location, cost, model).update();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ImageRef> find(UUID id) {
		return row(id).map(row -> new ImageRef(row.id(), row.userId(), row.status(), row.location(), row.mediaKey(),
				row.contentType(), row.width() == null ? 0 : row.width(), row.height() == null ? 0 : row.height()));
	}

	/** The row, as the acting user may see it (or any row, in background work). */
	@Transactional(readOnly = true)
	public Optional<Row> row(UUID id) {
		return jdbc.sql("SELECT * FROM generated_images WHERE id = ?").param(id).query(GeneratedImages::map).optional();
	}

	/** The acting user's images, newest first. */
	@Transactional(readOnly = true)
	public List<Row> newestFirst(UUID user, int limit) {
		return jdbc.sql("SELECT * FROM generated_images WHERE user_id = ? ORDER BY created_at DESC, id LIMIT ?")
			.params(user, limit)
			.query(GeneratedImages::map)
			.list();
	}

	/** @return when work on it began, or empty when it is already terminal */
	Optional<Instant> markProcessing(UUID id) {
		return jdbc.sql("""
				UPDATE generated_images SET status = 'processing', started_at = coalesce(started_at, now())
				WHERE id = ? AND status IN ('pending', 'processing')
				RETURNING started_at
				""").param(id).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
	}

	/** The unfinished image following this Replicate prediction, if any. */
	Optional<UUID> unfinishedByPrediction(String predictionId) {
		return jdbc.sql("""
				SELECT id FROM generated_images
				WHERE provider_prediction_id = ? AND status IN ('pending', 'processing')
				""").param(predictionId).query(UUID.class).optional();
	}

	void recordPrediction(UUID id, String predictionId) {
		jdbc.sql("""
				UPDATE generated_images SET provider_prediction_id = ?
				WHERE id = ? AND status IN ('pending', 'processing')
				""").params(predictionId, id).update();
	}

	boolean complete(UUID id, String mediaKey, String contentType, int width, int height) {
		return jdbc.sql("""
				UPDATE generated_images
				SET status = 'completed', media_key = ?, content_type = ?, width = ?, height = ?, completed_at = now()
				WHERE id = ? AND status IN ('pending', 'processing')
				""").params(mediaKey, contentType, width, height, id).update() == 1;
	}

	/** @return whether this call failed it (only one caller ever does, so only one refunds) */
	boolean fail(UUID id, String code, String message) {
		return jdbc.sql("""
				UPDATE generated_images
				SET status = 'failed', error_code = ?, error_message = ?, completed_at = now()
				WHERE id = ? AND status IN ('pending', 'processing')
				""").params(code, message, id).update() == 1;
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("photo_id", UUID.class), rs.getString("location"), rs.getString("status"),
				rs.getString("media_key"), rs.getString("content_type"), (Integer) rs.getObject("width"),
				(Integer) rs.getObject("height"), rs.getInt("cost"), rs.getString("model"),
				rs.getString("provider_prediction_id"), rs.getString("error_code"), rs.getString("error_message"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
