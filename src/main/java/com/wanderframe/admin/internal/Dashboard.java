package com.wanderframe.admin.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.wanderframe.account.ActingUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of the dashboard, read across everyone's rows. Each read leaves the operator's
 * acting-user identity behind ({@link ActingUser#enterSystem()}) so its transaction runs as the
 * login role instead of the row-level-security request role; this class is where that privilege
 * is used, and {@link AdminAccess} lets only operators reach it. It reads the generation and
 * ledger tables directly because a report spans modules that otherwise keep to themselves.
 */
@Component
class Dashboard {

	/** How far back the per-model charts and lists look. */
	static final int DAYS = 14;

	private static final String GENERATIONS = """
			(SELECT 'video' AS kind, id, user_id, model, status, error_code, error_message, created_at, completed_at
			     FROM video_generations
			 UNION ALL
			 SELECT 'image', id, user_id, model, status, error_code, error_message, created_at, completed_at
			     FROM generated_images) AS g""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	Dashboard(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	record ModelDay(String kind, String model, LocalDate day, int ended, int completed, int failed, Double p50Seconds,
			Double p95Seconds) {

		/** Completed of those that ended, 0-100; null on a day where none ended. */
		Integer successPercent() {
			return ended == 0 ? null : (int) Math.round(100.0 * completed / ended);
		}

	}

	record Refunds(String reason, int count, int credits) {
	}

	record CreditTotals(int granted, int operatorGranted, int charged, int refunded) {
	}

	record Queue(String kind, int pending, int processing) {
	}

	record Generation(String kind, UUID id, String email, String model, String status, Double seconds,
			String errorCode, String errorMessage, Instant createdAt) {

		public String took() {
			return ModelCharts.seconds(seconds);
		}

	}

	record Balance(UUID userId, String email, int balance, Instant joined) {

		/** A fresh id for a grant form, so sending that form twice grants once. */
		public UUID newGrantId() {
			return UUID.randomUUID();
		}

	}

	List<ModelDay> modelDays() {
		return read(() -> jdbc.sql("""
				SELECT kind, model, (created_at AT TIME ZONE 'UTC')::date AS day,
				    count(*) FILTER (WHERE status IN ('completed', 'failed')) AS ended,
				    count(*) FILTER (WHERE status = 'completed') AS completed,
				    count(*) FILTER (WHERE status = 'failed') AS failed,
				    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at))
				        FILTER (WHERE status = 'completed') AS p50,
				    percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at))
				        FILTER (WHERE status = 'completed') AS p95
				FROM\s""" + GENERATIONS + """

				WHERE created_at >= now() - make_interval(days => :days)
				GROUP BY kind, model, day
				ORDER BY kind, model, day
				""")
			.param("days", DAYS)
			.query((rs, n) -> new ModelDay(rs.getString("kind"), rs.getString("model"),
					rs.getObject("day", LocalDate.class), rs.getInt("ended"), rs.getInt("completed"),
					rs.getInt("failed"), nullableDouble(rs, "p50"), nullableDouble(rs, "p95")))
			.list());
	}

	List<Refunds> refunds() {
		return read(() -> jdbc.sql("""
				SELECT reason, count(*) AS count, sum(amount) AS credits FROM credit_ledger
				WHERE kind = 'refund' GROUP BY reason ORDER BY count(*) DESC, reason LIMIT 20
				""")
			.query((rs, n) -> new Refunds(rs.getString("reason"), rs.getInt("count"), rs.getInt("credits")))
			.list());
	}

	CreditTotals creditTotals() {
		return read(() -> {
			Map<String, Integer> sums = new java.util.HashMap<>();
			jdbc.sql("SELECT kind, coalesce(sum(abs(amount)), 0) AS total FROM credit_ledger GROUP BY kind")
				.query((ResultSet rs) -> {
					sums.put(rs.getString("kind"), rs.getInt("total"));
				});
			return new CreditTotals(sums.getOrDefault("grant", 0), sums.getOrDefault("operator_grant", 0),
					sums.getOrDefault("charge", 0), sums.getOrDefault("refund", 0));
		});
	}

	List<Queue> queue() {
		return read(() -> jdbc.sql("""
				SELECT kind, count(*) FILTER (WHERE status = 'pending') AS pending,
				    count(*) FILTER (WHERE status = 'processing') AS processing
				FROM (SELECT 'image' AS kind, status FROM generated_images WHERE status IN ('pending', 'processing')
				      UNION ALL SELECT 'image', NULL
				      UNION ALL SELECT 'video', status FROM video_generations WHERE status IN ('pending', 'processing')
				      UNION ALL SELECT 'video', NULL) AS q
				GROUP BY kind ORDER BY kind
				""")
			.query((rs, n) -> new Queue(rs.getString("kind"), rs.getInt("pending"), rs.getInt("processing")))
			.list());
	}

	List<Generation> slowest(int limit) {
		return generations("g.status = 'completed'", "g.completed_at - g.created_at DESC", limit);
	}

	List<Generation> failed(int limit) {
		return generations("g.status = 'failed'", "g.created_at DESC", limit);
	}

	private List<Generation> generations(String condition, String order, int limit) {
		return read(() -> jdbc.sql("SELECT g.*, u.email, extract(epoch FROM g.completed_at - g.created_at) AS seconds FROM "
				+ GENERATIONS + " JOIN users u ON u.id = g.user_id WHERE " + condition
				+ " AND g.created_at >= now() - make_interval(days => :days) ORDER BY " + order + " LIMIT :limit")
			.param("days", DAYS)
			.param("limit", limit)
			.query((rs, n) -> new Generation(rs.getString("kind"), rs.getObject("id", UUID.class),
					rs.getString("email"), rs.getString("model"), rs.getString("status"),
					nullableDouble(rs, "seconds"), rs.getString("error_code"), rs.getString("error_message"),
					rs.getTimestamp("created_at").toInstant()))
			.list());
	}

	/** People and their balances, by email; {@code search} narrows by a part of the email. */
	List<Balance> balances(String search, int limit) {
		String pattern = "%" + (search == null ? "" : search.trim().toLowerCase().replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_")) + "%";
		return read(() -> jdbc.sql("""
				SELECT u.id, u.email, u.created_at, coalesce(a.balance, 0) AS balance
				FROM users u LEFT JOIN credit_accounts a ON a.user_id = u.id
				WHERE lower(u.email) LIKE :pattern
				ORDER BY lower(u.email) LIMIT :limit
				""")
			.param("pattern", pattern)
			.param("limit", limit)
			.query((rs, n) -> new Balance(rs.getObject("id", UUID.class), rs.getString("email"), rs.getInt("balance"),
					rs.getTimestamp("created_at").toInstant()))
			.list());
	}

	java.util.Optional<Balance> person(UUID id) {
		return read(() -> jdbc.sql("""
				SELECT u.id, u.email, u.created_at, coalesce(a.balance, 0) AS balance
				FROM users u LEFT JOIN credit_accounts a ON a.user_id = u.id WHERE u.id = ?
				""")
			.param(id)
			.query((rs, n) -> new Balance(rs.getObject("id", UUID.class), rs.getString("email"), rs.getInt("balance"),
					rs.getTimestamp("created_at").toInstant()))
			.optional());
	}

	/** Runs {@code work} in a read-only transaction as the login role (no acting user). */
	<T> T asLoginRole(Supplier<T> work) {
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			return work.get();
		}
	}

	private <T> T read(Supplier<T> query) {
		return asLoginRole(() -> transactions.execute(status -> query.get()));
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

}
