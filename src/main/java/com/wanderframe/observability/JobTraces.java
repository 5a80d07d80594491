package com.wanderframe.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries a request's trace into the background jobs it schedules, so one trace runs from the
 * person's request through each job of the generation to its Replicate calls, and the jobs' log
 * lines carry the request's trace id. A job runs later, maybe on another instance, so the W3C
 * {@code traceparent} of the request's span is kept in the database (table
 * {@code job_trace_parents}) under the id the job's instance id names ({@code <kind>:<id>}); every
 * job of that subject opens its span in that trace. Kept apart from the jobs' own data so any
 * module's job can continue a trace without a change to its task's data, and from the
 * generations' tables so no module's rows carry another module's concern.
 */
@Component
public class JobTraces {

	private static final Logger log = LoggerFactory.getLogger(JobTraces.class);

	static final String TRACEPARENT = "traceparent";

	private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	private final JdbcClient jdbc;

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	JobTraces(JdbcClient jdbc, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.jdbc = jdbc;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Remembers the current span as the parent of the jobs of {@code subject}, a new id. Call it in
	 * the transaction that schedules the first job, so the job never runs without it; the request
	 * role may do this only for the acting person's own pending generation. Without a current
	 * span (tracing absent, no request) nothing is written.
	 */
	public void continueInJobsOf(UUID subject) {
		currentTraceparent().ifPresent(traceparent -> jdbc
			.sql("INSERT INTO job_trace_parents (subject, traceparent) VALUES (?, ?)")
			.params(subject, traceparent)
			.update());
	}

	/**
	 * The propagation headers (just {@code traceparent}) of the trace the jobs of {@code subject}
	 * continue; empty when none was kept. Read as the login role, by the instance that runs the
	 * job. A failing read costs the trace, never the job.
	 */
	public Optional<Map<String, String>> parentOf(String subject) {
		try {
			return jdbc.sql("SELECT traceparent FROM job_trace_parents WHERE subject = ?::uuid")
				.param(subject)
				.query(String.class)
				.optional()
				.map(traceparent -> Map.of(TRACEPARENT, traceparent));
		}
		catch (DataAccessException ex) {
			log.debug("Could not read the trace of the jobs of {}", subject, ex);
			return Optional.empty();
		}
	}

	private Optional<String> currentTraceparent() {
		Tracer current = tracer.getIfAvailable();
		Propagator propagation = propagator.getIfAvailable();
		if (current == null || propagation == null || current.currentSpan() == null) {
			return Optional.empty();
		}
		TraceContext context = current.currentSpan().context();
		Map<String, String> headers = new HashMap<>();
		propagation.inject(context, headers, Map::put);
		return Optional.ofNullable(headers.get(TRACEPARENT)).filter(value -> VALID.matcher(value).matches());
	}

}
