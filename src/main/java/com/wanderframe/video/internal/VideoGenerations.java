package com.wanderframe.video.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code video_generations}. Every state change is one conditional UPDATE that
 * names the states it may leave, so a duplicate webhook, a late poll or a retried job finds
 * nothing to change once a generation is terminal.
 */
@Repository
class VideoGenerations {

	private static final String UNFINISHED = "status IN ('pending', 'processing')";

	private final JdbcClient jdbc;

	VideoGenerations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(VideoGeneration generation) {
		jdbc.sql("""
				INSERT INTO video_generations (id, user_id, image_id, image_url, prompt, template, effective_prompt,
				    model, duration_seconds, resolution, cost)
				VALUES (:id, :user, :image, :imageKey, :prompt, :template, :effectivePrompt, :model, :duration,
				    :resolution, :cost)
				""")
			.param("id", generation.id())
			.param("user", generation.userId())
			.param("image", generation.imageId())
			.param("imageKey", generation.imageKey())
			.param("prompt", generation.prompt())
			.param("template", generation.template())
			.param("effectivePrompt", generation.effectivePrompt())
			.param("model", generation.model())
			.param("duration", generation.durationSeconds())
			.param("resolution", generation.resolution())
			.param("cost", generation.cost())
			.update();
	}

	/** Row-level security limits this to the acting user's rows in requests. */
	Optional<VideoGeneration> findVisible(UUID id) {
		return jdbc.sql("SELECT * FROM video_generations WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(ROW)
			.optional();
	}

	Optional<VideoGeneration> find(UUID id) {
		return jdbc.sql("SELECT * FROM video_generations WHERE id = ?").param(id).query(ROW).optional();
	}

	/** The generation while it may still change; empty once it has ended (or never existed). */
	Optional<VideoGeneration> findUnfinished(UUID id) {
		return find(id).filter(generation -> !generation.status().isTerminal());
	}

	Optional<VideoGeneration> findByPrediction(String predictionId) {
		return jdbc.sql("SELECT * FROM video_generations WHERE provider_prediction_id = ?")
			.param(predictionId)
			.query(ROW)
			.optional();
	}

	List<VideoGeneration> page(UUID user, int page, int size) {
		return jdbc.sql("""
				SELECT * FROM video_generations WHERE user_id = ? AND deleted_at IS NULL
				ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?
				""")
			.params(user, size, (long) page * size)
			.query(ROW)
			.list();
	}

	long count(UUID user) {
		return jdbc.sql("SELECT count(*) FROM video_generations WHERE user_id = ? AND deleted_at IS NULL")
			.param(user)
			.query(Long.class)
			.single();
	}

	List<VideoGeneration> unfinishedCreatedBefore(Instant cutoff) {
		return jdbc.sql("SELECT * FROM video_generations WHERE " + UNFINISHED + " AND created_at < ? ORDER BY created_at")
			.param(Timestamp.from(cutoff))
			.query(ROW)
			.list();
	}

	boolean markProcessing(UUID id) {
		return jdbc.sql("UPDATE video_generations SET status = 'processing', started_at = coalesce(started_at, now()) "
				+ "WHERE id = ? AND " + UNFINISHED)
			.param(id)
			.update() == 1;
	}

	boolean recordPrediction(UUID id, String predictionId) {
		return jdbc.sql("""
				UPDATE video_generations SET provider_prediction_id = ?, status = 'processing',
				    started_at = coalesce(started_at, now())
				WHERE id = ? AND\s""" + UNFINISHED)
			.params(predictionId, id)
			.update() == 1;
	}

	/** Progress only moves forward, and only while processing. */
	boolean progress(UUID id, int percent) {
		return jdbc.sql("UPDATE video_generations SET progress = ? WHERE id = ? AND status = 'processing' AND progress < ?")
			.params(percent, id, percent)
			.update() == 1;
	}

	boolean complete(UUID id, String videoKey, String posterKey) {
		return jdbc.sql("""
				UPDATE video_generations SET status = 'completed', video_url = ?, poster_url = ?, progress = 100,
				    completed_at = now()
				WHERE id = ? AND\s""" + UNFINISHED)
			.params(videoKey, posterKey, id)
			.update() == 1;
	}

	boolean fail(UUID id, String code, String message) {
		return jdbc.sql("""
				UPDATE video_generations SET status = 'failed', error_code = ?, error_message = ?, completed_at = now()
				WHERE id = ? AND\s""" + UNFINISHED)
			.params(code, message, id)
			.update() == 1;
	}

	/** Hides a generation from its owner; the ledger keeps its history. */
	boolean hide(UUID id) {
		return jdbc.sql("UPDATE video_generations SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.update() == 1;
	}

	private static final RowMapper<VideoGeneration> ROW = VideoGenerations::map;

	private static VideoGeneration map(ResultSet rs, int row) throws SQLException {
		return new VideoGeneration(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("image_id", UUID.class), rs.getString("image_url"), rs.getString("prompt"),
				rs.getString("template"), rs.getString("effective_prompt"), rs.getString("model"),
				rs.getString("provider_prediction_id"), rs.getInt("duration_seconds"), rs.getString("resolution"),
				rs.getInt("cost"), VideoStatus.of(rs.getString("status")), rs.getInt("progress"),
				rs.getString("video_url"), rs.getString("poster_url"), rs.getString("error_code"),
				rs.getString("error_message"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "started_at"), instant(rs, "completed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
