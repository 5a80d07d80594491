package com.wanderframe.video.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wanderframe.generation.GenerationId;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.generation.GenerationTable;
import com.wanderframe.video.internal.render.CameraMove;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code video_generations}. State changes go through the shared
 * {@link GenerationTable} state machine: conditional UPDATEs that never touch a terminal row.
 */
@Repository
class VideoGenerations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final GenerationTable table;

	VideoGenerations(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new GenerationTable(jdbc, "video_generations", true);
	}

	GenerationTable table() {
		return table;
	}

	void insert(VideoGeneration generation) {
		VideoGeneration.VideoRequest request = generation.request();
		jdbc.sql("""
				INSERT INTO video_generations (id, user_id, image_id, image_url, end_image_id, end_image_key, prompt,
				    template, effective_prompt, model, duration_seconds, resolution, prompt_optimizer, generate_audio,
				    negative_prompt, aspect_ratio, cost, batch_id, batch_position, from_video_id, seed, camera)
				VALUES (:id, :user, :image, :imageKey, :endImage, :endImageKey, :prompt, :template, :effectivePrompt,
				    :model, :duration, :resolution, :promptOptimizer, :audio, :negativePrompt, :aspectRatio, :cost,
				    :batch, :batchPosition, :fromVideo, :seed, CAST(:camera AS jsonb))
				""")
			.param("id", generation.id().value())
			.param("user", generation.userId())
			.param("image", request.imageId())
			.param("imageKey", request.imageKey())
			.param("endImage", request.endImageId())
			.param("endImageKey", request.endImageKey())
			.param("prompt", request.prompt())
			.param("template", request.template())
			.param("effectivePrompt", request.effectivePrompt())
			.param("model", request.model())
			.param("duration", request.durationSeconds())
			.param("resolution", request.resolution())
			.param("promptOptimizer", request.promptOptimizer())
			.param("audio", request.audio())
			.param("negativePrompt", request.negativePrompt())
			.param("aspectRatio", request.aspectRatio())
			.param("cost", generation.cost())
			.param("batch", request.batchId())
			.param("batchPosition", request.batchPosition())
			.param("fromVideo", request.fromVideoId())
			.param("seed", request.seed())
			.param("camera", cameraJson(request.camera()))
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

	List<VideoGeneration> page(UUID user, int page, int size, VideoFilter filter) {
		List<Object> params = VideoFilter.params();
		params.add(user);
		String where = filter.where(params);
		params.add(size);
		params.add((long) page * size);
		return jdbc.sql("SELECT v.* FROM video_generations v WHERE v.user_id = ? AND v.deleted_at IS NULL" + where
				+ " ORDER BY v.created_at DESC, v.id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(ROW)
			.list();
	}

	long count(UUID user, VideoFilter filter) {
		List<Object> params = VideoFilter.params();
		params.add(user);
		String where = filter.where(params);
		return jdbc.sql("SELECT count(*) FROM video_generations v WHERE v.user_id = ? AND v.deleted_at IS NULL" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Hides a generation from its owner; the ledger keeps its history. */
	boolean hide(UUID id) {
		return jdbc.sql("UPDATE video_generations SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.update() == 1;
	}

	private static final RowMapper<VideoGeneration> ROW = VideoGenerations::map;

	private static VideoGeneration map(ResultSet rs, int row) throws SQLException {
		VideoGeneration.VideoRequest request = new VideoGeneration.VideoRequest(rs.getObject("image_id", UUID.class),
				rs.getString("image_url"), rs.getObject("end_image_id", UUID.class), rs.getString("end_image_key"),
				rs.getString("prompt"), rs.getString("template"), rs.getString("effective_prompt"),
				rs.getString("model"), rs.getInt("duration_seconds"), rs.getString("resolution"),
				(Boolean) rs.getObject("prompt_optimizer"), (Boolean) rs.getObject("generate_audio"),
				rs.getString("negative_prompt"), rs.getString("aspect_ratio"), rs.getObject("batch_id", UUID.class),
				(Integer) rs.getObject("batch_position"), rs.getObject("from_video_id", UUID.class), (Long) rs.getObject("seed"), camera(rs.getString("camera")));
		return new VideoGeneration(new GenerationId(rs.getObject("id", UUID.class)), rs.getObject("user_id", UUID.class),
				request, rs.getInt("cost"), GenerationStatus.of(rs.getString("status")), rs.getInt("progress"),
				rs.getString("provider_prediction_id"), rs.getString("video_url"), rs.getString("poster_url"),
				rs.getString("error_code"), rs.getString("error_message"), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "started_at"), instant(rs, "completed_at"));
	}

	/** The camera as the row (and the local generator's context) keeps it. */
	static String cameraJson(CameraMove camera) {
		return camera == null ? null : JSON.writeValueAsString(camera);
	}

	static CameraMove camera(String json) {
		return json == null ? null : JSON.readValue(json, CameraMove.class);
	}

	/** The batch's variants not deleted, in the order they were asked for (row-level security applies in requests). */
	List<VideoGeneration> inBatch(UUID batch) {
		return jdbc.sql("SELECT * FROM video_generations WHERE batch_id = ? AND deleted_at IS NULL ORDER BY batch_position")
			.param(batch)
			.query(ROW)
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
