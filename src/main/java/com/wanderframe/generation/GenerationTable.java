package com.wanderframe.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state machine, over a kind's own table: every change is one conditional UPDATE that names
 * the states it may leave, so a duplicate webhook, a late poll or a retried job finds nothing to
 * change once a generation is terminal. The table has the shared columns ({@code id, user_id,
 * model, status, provider_prediction_id, error_code, error_message, created_at, started_at,
 * completed_at}); {@code progress} is optional.
 */
public final class GenerationTable {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");

	private static final String UNFINISHED = GenerationStatus.UNFINISHED_SQL;

	private final JdbcClient jdbc;

	private final String table;

	private final boolean tracksProgress;

	/**
	 * @param table the table's name (a constant of the kind's code, never user input)
	 * @param tracksProgress whether it has a {@code progress} column (0-100)
	 */
	public GenerationTable(JdbcClient jdbc, String table, boolean tracksProgress) {
		if (!IDENTIFIER.matcher(table).matches()) {
			throw new IllegalArgumentException("Not a table name: " + table);
		}
		this.jdbc = jdbc;
		this.table = table;
		this.tracksProgress = tracksProgress;
	}

	public Optional<GenerationRow> find(GenerationId id) {
		return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id.value()).query(GenerationTable::row).optional();
	}

	/** The generation while it may still change; empty once it has ended (or never existed). */
	public Optional<GenerationRow> findUnfinished(GenerationId id) {
		return find(id).filter(row -> !row.status().isTerminal());
	}

	public Optional<GenerationRow> unfinishedByPrediction(String predictionId) {
		return jdbc.sql("SELECT * FROM " + table + " WHERE provider_prediction_id = ? AND " + UNFINISHED)
			.param(predictionId)
			.query(GenerationTable::row)
			.optional();
	}

	public List<GenerationRow> unfinishedCreatedBefore(Instant cutoff) {
		return jdbc.sql("SELECT * FROM " + table + " WHERE " + UNFINISHED + " AND created_at < ? ORDER BY created_at")
			.param(Timestamp.from(cutoff))
			.query(GenerationTable::row)
			.list();
	}

	/** How many of this person's generations are still running. */
	public long unfinishedOf(UUID user) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = ? AND " + UNFINISHED)
			.param(user)
			.query(Long.class)
			.single();
	}

	/**
	 * The median time from creation to completion of this model's last {@code last} completed
	 * generations across the whole deployment (everyone's, even inside a request whose row-level
	 * security shows only the caller's rows), or empty when there are none yet.
	 */
	public Optional<Duration> typicalTime(String model, int last) {
		return jdbc.sql("SELECT model_typical_seconds(?, ?, ?)")
			.params(table, model, last)
			.query((rs, n) -> {
				double seconds = rs.getDouble(1);
				return rs.wasNull() ? null : Duration.ofMillis((long) (seconds * 1000));
			})
			.optional();
	}

	public boolean markProcessing(GenerationId id) {
		return jdbc.sql("UPDATE " + table + " SET status = 'processing', started_at = coalesce(started_at, now()) "
				+ "WHERE id = ? AND " + UNFINISHED)
			.param(id.value())
			.update() == 1;
	}

	public boolean recordPrediction(GenerationId id, String predictionId) {
		return jdbc.sql("UPDATE " + table + " SET provider_prediction_id = ?, status = 'processing', "
				+ "started_at = coalesce(started_at, now()) WHERE id = ? AND " + UNFINISHED)
			.params(predictionId, id.value())
			.update() == 1;
	}

	/** Progress only moves forward, only while processing, and never to 100 before completion. */
	public boolean progress(GenerationId id, int percent) {
		if (!tracksProgress) {
			return false;
		}
		int bounded = Math.max(0, Math.min(99, percent));
		return jdbc.sql("UPDATE " + table + " SET progress = ? WHERE id = ? AND status = 'processing' AND progress < ?")
			.params(bounded, id.value(), bounded)
			.update() == 1;
	}

	/**
	 * @param outputs the kind's output columns and their values (column names are the kind's
	 * constants)
	 * @return whether this call completed it
	 */
	public boolean complete(GenerationId id, Map<String, Object> outputs) {
		StringBuilder sql = new StringBuilder("UPDATE " + table + " SET status = 'completed', completed_at = now()");
		if (tracksProgress) {
			sql.append(", progress = 100");
		}
		for (String column : outputs.keySet()) {
			if (!IDENTIFIER.matcher(column).matches()) {
				throw new IllegalArgumentException("Not a column name: " + column);
			}
			sql.append(", ").append(column).append(" = :").append(column);
		}
		sql.append(" WHERE id = :id AND ").append(UNFINISHED);
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("id", id.value());
		for (Map.Entry<String, Object> output : outputs.entrySet()) {
			statement = statement.param(output.getKey(), output.getValue());
		}
		return statement.update() == 1;
	}

	/** @return whether this call failed it (only one caller ever does, so only one refunds) */
	public boolean fail(GenerationId id, Failure failure) {
		return jdbc.sql("UPDATE " + table + " SET status = 'failed', error_code = ?, error_message = ?, "
				+ "completed_at = now() WHERE id = ? AND " + UNFINISHED)
			.params(failure.code(), failure.message(), id.value())
			.update() == 1;
	}

	private static GenerationRow row(ResultSet rs, int n) throws SQLException {
		return new GenerationRow(new GenerationId(rs.getObject("id", UUID.class)), rs.getObject("user_id", UUID.class),
				rs.getString("model"), rs.getString("provider_prediction_id"),
				GenerationStatus.of(rs.getString("status")), instant(rs, "created_at"), instant(rs, "started_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
