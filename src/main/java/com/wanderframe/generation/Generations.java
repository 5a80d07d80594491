package com.wanderframe.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.wanderframe.credits.Credits;
import com.wanderframe.credits.InsufficientCreditsException;
import com.wanderframe.generation.internal.GenerationEngine;
import com.wanderframe.generation.internal.GenerationTasks;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.observability.JobTraces;
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

	private final JobTraces traces;

	Generations(GenerationLimits limits, Credits credits, SchedulerClient scheduler, GenerationEngine engine,
			TransactionTemplate transactions, GenerationMetrics metrics, JobTraces traces) {
		this.metrics = metrics;
		this.traces = traces;
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
					traces.continueInJobsOf(id.value());
					scheduler.scheduleIfNotExists(GenerationTasks.start(kind, id));
					metrics.started(kind.value(), model.id());
					return after;
				}));
		return new Accepted(id, cost, balance);
	}

	/** One generation of a group accepted together: what {@link #accept} takes for one. */
	public record Planned(Model model, int cost, String ledgerReason, Consumer<GenerationId> insertRow) {
	}

	/** A group accepted together: each generation's id and cost (in the order planned), and the balance after. */
	public record AcceptedGroup(List<Accepted> items, int cost, int credits) {
	}

	/**
	 * Accepts several generations all or nothing (a batch): the limits are passed once for the
	 * group (it is one request; the hosted ceiling counts the hosted ones' credits), then one
	 * transaction records the group, charges each generation its own cost under its own id (so
	 * each is refunded on its own if it fails), inserts each row and schedules each start. If
	 * the balance does not cover all of them, nothing is charged.
	 * @param recordGroup writes what ties the group together (its row), before the generations' rows
	 * @throws com.wanderframe.credits.InsufficientCreditsException 402 naming the total; nothing is written
	 */
	public AcceptedGroup acceptAll(ModelKind kind, UUID user, Runnable recordGroup, List<Planned> planned) {
		if (planned.isEmpty()) {
			throw new IllegalArgumentException("A group needs at least one generation");
		}
		int total = planned.stream().mapToInt(Planned::cost).sum();
		int hosted = planned.stream().filter(p -> !p.model().local()).mapToInt(Planned::cost).sum();
		List<Accepted> items = new ArrayList<>();
		int balance = limits.admit(new GenerationLimits.Generation(kind.value(), user, hosted, hosted > 0),
				() -> transactions.execute(status -> {
					items.clear();
					recordGroup.run();
					int after = 0;
					for (Planned generation : planned) {
						GenerationId id = GenerationId.random();
						try {
							after = credits.charge(user, generation.cost(), id.value(), generation.ledgerReason());
						}
						catch (InsufficientCreditsException ex) {
							// The whole group is refused: say what all of it costs, not the one that ran out.
							throw new InsufficientCreditsException(total);
						}
						generation.insertRow().accept(id);
						traces.continueInJobsOf(id.value());
						scheduler.scheduleIfNotExists(GenerationTasks.start(kind, id));
						items.add(new Accepted(id, generation.cost(), after));
					}
					for (Planned generation : planned) {
						metrics.started(kind.value(), generation.model().id());
					}
					return after;
				}));
		return new AcceptedGroup(List.copyOf(items), total, balance);
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
