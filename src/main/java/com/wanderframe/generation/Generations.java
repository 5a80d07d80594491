package com.wanderframe.generation;

import java.util.UUID;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.wanderframe.credits.Credits;
import com.wanderframe.generation.internal.GenerationEngine;
import com.wanderframe.generation.internal.GenerationTasks;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.ratelimit.GenerationLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generation core as the image and video modules use it. Accepting is the shared half of
 * every generate use case: after the module checked everything that can be checked (nothing is
 * written on a refusal), pass the generation limits (unfinished generations, rate limit, the
 * hosted-spending ceiling), then in one transaction charge, insert the pending row and schedule
 * the start job, so there is never a charge without a job or a job without a charge.
 */
@Service
public class Generations {

	private final GenerationLimits limits;

	private final Credits credits;

	private final SchedulerClient scheduler;

	private final GenerationEngine engine;

	private final TransactionTemplate transactions;

	private final GenerationMetrics metrics;

	Generations(GenerationLimits limits, Credits credits, SchedulerClient scheduler, GenerationEngine engine,
			TransactionTemplate transactions, GenerationMetrics metrics) {
		this.metrics = metrics;
		this.limits = limits;
		this.credits = credits;
		this.scheduler = scheduler;
		this.engine = engine;
		this.transactions = transactions;
	}

	public record Accepted(GenerationId id, int cost, int credits) {
	}

	/**
	 * @param model what makes it: a hosted one counts against the deployment's spending ceiling
	 * @param ledgerReason what the person reads in their ledger, e.g. "Video: 6 s at 768p"
	 * @param insertRow writes the kind's pending row under the given id, in the transaction
	 * @throws com.wanderframe.platform.ApiException 429 {@code rate_limited} /
	 * {@code too_many_unfinished_generations}, 503 {@code capacity_exhausted}
	 * @throws com.wanderframe.credits.InsufficientCreditsException 402; nothing is written
	 */
	public Accepted accept(ModelKind kind, Model model, UUID user, int cost, String ledgerReason,
			Consumer<GenerationId> insertRow) {
		GenerationId id = GenerationId.random();
		int balance = limits.admit(new GenerationLimits.Generation(kind.value(), user, cost, !model.local()),
				() -> transactions.execute(status -> {
					int after = credits.charge(user, cost, id.value(), ledgerReason);
					insertRow.accept(id);
					scheduler.scheduleIfNotExists(GenerationTasks.start(kind, id));
					metrics.started(kind.value(), model.id());
					return after;
				}));
		return new Accepted(id, cost, balance);
	}

	/**
	 * Fails the generation and refunds it, together; a second call (a duplicate message, a late
	 * job) changes nothing.
	 * @return whether this call failed it
	 */
	public boolean fail(ModelKind kind, GenerationId id, Failure failure) {
		return engine.fail(kind, id, failure);
	}

}
