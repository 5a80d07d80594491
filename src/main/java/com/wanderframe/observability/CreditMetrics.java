package com.wanderframe.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Credits moved, as counters of credits (not of entries): {@code wanderframe.credits.charged},
 * {@code .refunded} and {@code .granted} (by source: sign-up or an operator). Recorded when the
 * ledger row commits.
 */
@Component
public class CreditMetrics {

	private final MeterRegistry registry;

	CreditMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void charged(int amount) {
		record("wanderframe.credits.charged", "Credits charged for generations", amount);
	}

	public void refunded(int amount) {
		record("wanderframe.credits.refunded", "Credits refunded for failed generations", amount);
	}

	public void granted(int amount, String source) {
		GenerationMetrics.afterCommit(() -> Counter.builder("wanderframe.credits.granted")
			.description("Credits granted, by source")
			.tag("source", source)
			.register(registry)
			.increment(amount));
	}

	private void record(String name, String description, int amount) {
		GenerationMetrics.afterCommit(
				() -> Counter.builder(name).description(description).register(registry).increment(amount));
	}

}
