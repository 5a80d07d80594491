package com.wanderframe.video.internal;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wanderframe.credits.Credits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's own figures for the history page: videos made (deleted ones too: they were made
 * and paid for), how many succeeded, credits spent and refunded (from the ledger, images
 * included), and the typical wait per model (the median from asking to done).
 */
@Component
class VideoStats {

	private final JdbcClient jdbc;

	private final Credits credits;

	private final TransactionTemplate transactions;

	VideoStats(JdbcClient jdbc, Credits credits, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.credits = credits;
		this.transactions = transactions;
	}

	/** @param successRate completed of those that ended, 0 to 1; absent before any has ended */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Stats(long videos, long completed, long failed, long inProgress, Double successRate, int creditsSpent,
			int creditsRefunded, List<ModelFigures> models) {
	}

	/** @param typicalSeconds the median time from asking to a finished video, absent before one finished */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ModelFigures(String model, long videos, long completed, Double typicalSeconds) {
	}

	Stats of(UUID user) {
		return transactions.execute(status -> {
			List<ModelFigures> models = jdbc.sql("""
					SELECT model, count(*) AS videos, count(*) FILTER (WHERE status = 'completed') AS completed,
					    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at))
					        FILTER (WHERE status = 'completed' AND completed_at IS NOT NULL) AS typical
					FROM video_generations WHERE user_id = ?
					GROUP BY model ORDER BY count(*) DESC, model
					""")
				.param(user)
				.query((rs, row) -> new ModelFigures(rs.getString("model"), rs.getLong("videos"), rs.getLong("completed"),
						rs.getObject("typical") == null ? null : Math.round(rs.getDouble("typical") * 10) / 10.0))
				.list();
			long[] counts = jdbc.sql("""
					SELECT count(*), count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status = 'failed')
					FROM video_generations WHERE user_id = ?
					""")
				.param(user)
				.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.single();
			Credits.Spending spending = credits.spendingOf(user);
			long ended = counts[1] + counts[2];
			return new Stats(counts[0], counts[1], counts[2], counts[0] - ended,
					ended == 0 ? null : Math.round(1000.0 * counts[1] / ended) / 1000.0, spending.spent(),
					spending.refunded(), models);
		});
	}

}
