package com.wanderframe.observability.internal;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue as the database holds it, read at every scrape so all instances report the same
 * figure: {@code wanderframe.queue.depth} (generations waiting for their job to start, by kind)
 * and {@code wanderframe.queue.oldest.wait} (how long the oldest of them has waited). Counting in
 * the database, not in memory, is what stays right with many instances and after restarts.
 */
@Component
class QueueGauges implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

	/** Each kind's table; runs as the login role (a scrape acts for no one), so it sees all rows. */
	private static final Map<String, String> TABLES = Map.of("image", "generated_images", "video", "video_generations");

	private final JdbcClient jdbc;

	private final MeterRegistry registry;

	QueueGauges(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	@Override
	public void afterSingletonsInstantiated() {
		TABLES.forEach((kind, table) -> {
			Gauge.builder("wanderframe.queue.depth", () -> read("SELECT count(*) FROM " + table + " WHERE status = 'pending'"))
				.description("Generations waiting for their job to start")
				.tag("kind", kind)
				.register(registry);
			Gauge.builder("wanderframe.queue.oldest.wait", () -> read("SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM "
					+ table + " WHERE status = 'pending'"))
				.description("How long the oldest waiting generation has waited")
				.baseUnit("seconds")
				.tag("kind", kind)
				.register(registry);
			Gauge.builder("wanderframe.generations.running", () -> read("SELECT count(*) FROM " + table + " WHERE status = 'processing'"))
				.description("Generations being worked on")
				.tag("kind", kind)
				.register(registry);
		});
	}

	private double read(String sql) {
		try {
			return jdbc.sql(sql).query(Double.class).single();
		}
		catch (RuntimeException ex) {
			log.debug("Could not read a queue gauge", ex);
			return Double.NaN;
		}
	}

}
