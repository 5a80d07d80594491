package com.wanderframe.observability;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happens to generations, as counters and timers named {@code wanderframe.generations.*}.
 * Called at the state machine's transition points (the conditional UPDATEs that really moved a
 * generation), so a duplicate webhook or a retried job that changed nothing counts nothing. Inside
 * a transaction a figure is recorded only once it commits: a rolled-back charge is no start.
 * {@code kind} is {@code image} or {@code video}; {@code model} is the catalogue's model id.
 */
@Component
public class GenerationMetrics {

	private final MeterRegistry registry;

	GenerationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** A paid generation was accepted and its job scheduled. */
	public void started(String kind, String model) {
		afterCommit(() -> counter("wanderframe.generations.started", "Generations accepted and charged", kind, model)
			.increment());
	}

	/** It reached {@code completed}; {@code createdAt} is when the person asked for it. */
	public void completed(String kind, String model, Instant createdAt) {
		Duration took = Duration.between(createdAt, Instant.now());
		afterCommit(() -> {
			counter("wanderframe.generations.completed", "Generations that completed", kind, model).increment();
			Timer.builder("wanderframe.generation.duration")
				.description("From the request to the finished result, per model")
				.tags("kind", kind, "model", model)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(100))
				.maximumExpectedValue(Duration.ofMinutes(30))
				.register(registry)
				.record(took.isNegative() ? Duration.ZERO : took);
		});
	}

	/** It reached {@code failed} with this error code. */
	public void failed(String kind, String model, String code) {
		afterCommit(() -> Counter.builder("wanderframe.generations.failed")
			.description("Generations that failed, by error code")
			.tags("kind", kind, "model", model, "code", code)
			.register(registry)
			.increment());
	}

	/** Its charge was given back (at most once per generation, as the ledger guarantees). */
	public void refunded(String kind, String model) {
		afterCommit(() -> counter("wanderframe.generations.refunded", "Generations refunded", kind, model).increment());
	}

	/** A local render of {@code frames} frames took {@code took}. */
	public void rendered(long frames, Duration took) {
		if (frames <= 0 || took.isZero() || took.isNegative()) {
			return;
		}
		DistributionSummary.builder("wanderframe.render.frames.per.second")
			.description("Frames per second of each local render (render and encode)")
			.register(registry)
			.record(frames / (took.toNanos() / 1e9));
		Counter.builder("wanderframe.render.frames")
			.description("Frames rendered locally")
			.register(registry)
			.increment(frames);
	}

	private Counter counter(String name, String description, String kind, String model) {
		return Counter.builder(name).description(description).tags("kind", kind, "model", model).register(registry);
	}

	/**
	 * Runs {@code record} when the current transaction commits (not at all if it rolls back), or
	 * at once outside a transaction.
	 */
	static void afterCommit(Runnable record) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					record.run();
				}
			});
		}
		else {
			record.run();
		}
	}

}
