package com.wanderframe.exports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code video_exports}; in requests, row-level security limits them to the acting user's. */
@Repository
class VideoExports {

	private final JdbcClient jdbc;

	VideoExports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	enum Status {

		PENDING, PROCESSING, COMPLETED, FAILED;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Status of(String value) {
			return valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

	record Row(UUID id, UUID videoId, UUID ownerId, ExportSpec spec, Status status, String mediaKey, Long bytes,
			Integer outputWidth, Integer outputHeight, Double outputFps, Double outputSeconds, String errorCode,
			String errorMessage, Instant createdAt, Instant completedAt, boolean focusGiven, Boolean outputSound) {
	}

	void insert(UUID id, UUID videoId, UUID owner, ExportSpec spec, boolean focusGiven) {
		jdbc.sql("""
				INSERT INTO video_exports (id, video_id, user_id, format, trim_start, trim_end, speed, loop, aspect,
				    focus_x, focus_y, width)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, videoId, owner, spec.format().value, spec.trimStart() == 0 ? null : spec.trimStart(),
					spec.trimEnd(), spec.speed(), spec.boomerang() ? "boomerang" : "none",
					spec.aspect() == null ? null : spec.aspect().value, focusGiven ? spec.focusX() : null,
					focusGiven ? spec.focusY() : null, spec.width())
			.update();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("SELECT * FROM video_exports WHERE id = ?").param(id).query(VideoExports::map).optional();
	}

	List<Row> ofVideo(UUID videoId) {
		return jdbc.sql("SELECT * FROM video_exports WHERE video_id = ? ORDER BY created_at DESC, id DESC")
			.param(videoId)
			.query(VideoExports::map)
			.list();
	}

	long unfinished(UUID owner) {
		return jdbc.sql("SELECT count(*) FROM video_exports WHERE user_id = ? AND status IN ('pending', 'processing')")
			.param(owner)
			.query(Long.class)
			.single();
	}

	/** The point a crop follows (the person, where the export named none), so the export says where it centred. */
	void follow(UUID id, double x, double y) {
		jdbc.sql("UPDATE video_exports SET focus_x = ?, focus_y = ? WHERE id = ? AND focus_x IS NULL")
			.params(x, y, id)
			.update();
	}

	boolean start(UUID id) {
		return jdbc.sql("UPDATE video_exports SET status = 'processing' WHERE id = ? AND status IN ('pending', 'processing')")
			.param(id)
			.update() == 1;
	}

	boolean complete(UUID id, String mediaKey, long bytes, ExportRenderer.Result result) {
		return jdbc.sql("""
				UPDATE video_exports SET status = 'completed', media_key = ?, bytes = ?, output_width = ?,
				    output_height = ?, output_fps = ?, output_seconds = ?, output_sound = ?, completed_at = now()
				WHERE id = ? AND status IN ('pending', 'processing')
				""")
			.params(mediaKey, bytes, result.width(), result.height(), result.fps(), result.seconds(), result.sound(),
					id)
			.update() == 1;
	}

	boolean fail(UUID id, String code, String message) {
		return jdbc.sql("""
				UPDATE video_exports SET status = 'failed', error_code = ?, error_message = ?, completed_at = now()
				WHERE id = ? AND status IN ('pending', 'processing')
				""")
			.params(code, message, id)
			.update() == 1;
	}

	/** @return the media keys of the removed rows' files */
	List<String> deleteOfVideo(UUID videoId) {
		return jdbc.sql("DELETE FROM video_exports WHERE video_id = ? RETURNING media_key")
			.param(videoId)
			.query((rs, row) -> rs.getString(1))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	Optional<String> delete(UUID id) {
		return jdbc.sql("DELETE FROM video_exports WHERE id = ? RETURNING coalesce(media_key, '')")
			.param(id)
			.query(String.class)
			.optional();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		String aspect = rs.getString("aspect");
		Object focusX = rs.getObject("focus_x");
		Object focusY = rs.getObject("focus_y");
		ExportSpec spec = new ExportSpec(ExportFormat.of(rs.getString("format")), rs.getDouble("trim_start"),
				(Double) rs.getObject("trim_end"), rs.getDouble("speed"), "boomerang".equals(rs.getString("loop")),
				aspect == null ? null : ExportSpec.Aspect.of(aspect),
				focusX == null ? 0.5 : ((Number) focusX).doubleValue(), focusY == null ? 0.5 : ((Number) focusY).doubleValue(),
				(Integer) rs.getObject("width"));
		return new Row(rs.getObject("id", UUID.class), rs.getObject("video_id", UUID.class),
				rs.getObject("user_id", UUID.class), spec, Status.of(rs.getString("status")), rs.getString("media_key"),
				(Long) rs.getObject("bytes"), (Integer) rs.getObject("output_width"),
				(Integer) rs.getObject("output_height"), (Double) rs.getObject("output_fps"),
				(Double) rs.getObject("output_seconds"), rs.getString("error_code"), rs.getString("error_message"),
				instant(rs, "created_at"), instant(rs, "completed_at"), focusX != null,
				(Boolean) rs.getObject("output_sound"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
