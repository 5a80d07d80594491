package com.wanderframe.imaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wanderframe.generation.GalleryFilter;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.generation.GenerationTable;
import com.wanderframe.imaging.ImageId;
import com.wanderframe.imaging.ImageRef;
import com.wanderframe.imaging.Images;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code generated_images} table. Reads in request work run in a transaction, so row-level
 * security shows the acting user their own rows only. State changes go through the shared
 * {@link GenerationTable} state machine.
 */
@Repository
class GeneratedImages implements Images {

	private final JdbcClient jdbc;

	private final GenerationTable table;

	GeneratedImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new GenerationTable(jdbc, "generated_images", false);
	}

	GenerationTable table() {
		return table;
	}

	record Row(UUID id, UUID userId, UUID photoId, String location, GenerationStatus status, String mediaKey,
			String contentType, Integer width, Integer height, int cost, String model, String predictionId,
			String errorCode, String errorMessage, Instant createdAt, Instant updatedAt) {

		boolean terminal() {
			return status.isTerminal();
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
	public Optional<ImageRef> find(ImageId id) {
		return row(id.value()).map(row -> new ImageRef(new ImageId(row.id()), row.userId(), row.status(),
				row.location(), row.mediaKey(), row.contentType(), row.width() == null ? 0 : row.width(),
				row.height() == null ? 0 : row.height()));
	}

	/** The row, as the acting user may see it (or any row, in background work). */
	@Transactional(readOnly = true)
	public Optional<Row> row(UUID id) {
		return jdbc.sql("SELECT * FROM generated_images WHERE id = ?").param(id).query(GeneratedImages::map).optional();
	}

	/**
	 * One page of the acting user's images that match, newest first. A location outside
	 * {@code places} never matches: the caller names the places whose prompt holds the words
	 * (null: any place).
	 */
	@Transactional(readOnly = true)
	public List<Row> page(UUID user, int page, int size, GalleryFilter filter, List<String> places) {
		List<Object> params = new ArrayList<>(List.of(user));
		String where = where(filter, places, params);
		params.add(size);
		params.add((long) page * size);
		return jdbc.sql("SELECT * FROM generated_images WHERE user_id = ?" + where
				+ " ORDER BY created_at DESC, id LIMIT ? OFFSET ?").params(params).query(GeneratedImages::map).list();
	}

	@Transactional(readOnly = true)
	public long count(UUID user, GalleryFilter filter, List<String> places) {
		List<Object> params = new ArrayList<>(List.of(user));
		String where = where(filter, places, params);
		return jdbc.sql("SELECT count(*) FROM generated_images WHERE user_id = ?" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	private static String where(GalleryFilter filter, List<String> places, List<Object> params) {
		StringBuilder sql = new StringBuilder();
		if (filter.status() != null) {
			sql.append(" AND status = ?");
			params.add(filter.status().value());
		}
		if (filter.model() != null) {
			sql.append(" AND model = ?");
			params.add(filter.model());
		}
		if (filter.location() != null) {
			sql.append(" AND location = ?");
			params.add(filter.location());
		}
		if (places != null) {
			sql.append(" AND location = ANY (?)");
			params.add(places.toArray(String[]::new));
		}
		if (filter.from() != null) {
			sql.append(" AND created_at >= ?");
			params.add(Timestamp.from(filter.from()));
		}
		if (filter.until() != null) {
			sql.append(" AND created_at < ?");
			params.add(Timestamp.from(filter.until()));
		}
		return sql.toString();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("photo_id", UUID.class), rs.getString("location"),
				GenerationStatus.of(rs.getString("status")), rs.getString("media_key"), rs.getString("content_type"),
				(Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getInt("cost"),
				rs.getString("model"), rs.getString("provider_prediction_id"), rs.getString("error_code"),
				rs.getString("error_message"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
