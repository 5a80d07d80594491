package com.wanderframe.generation.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import com.wanderframe.credits.Credits;
import com.wanderframe.generation.Failure;
import com.wanderframe.generation.GenerationFailedException;
import com.wanderframe.generation.GenerationId;
import com.wanderframe.generation.GenerationInputs;
import com.wanderframe.generation.GenerationJob;
import com.wanderframe.generation.GenerationKind;
import com.wanderframe.generation.GenerationRow;
import com.wanderframe.generation.Generator;
import com.wanderframe.generation.Generator.Step;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.generation.RetryLater;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.platform.ScratchSpace;
import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.ReplicateCallInterruptedException;
import com.wanderframe.replicate.ReplicateClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The one lifecycle: start → updates (webhook or poll, one idempotent apply) → copy the output
 * into our store → complete, or fail with exactly one refund. Each step finds the generation anew
 * and skips it once terminal, so a step run twice (a retried job, a duplicate webhook) changes
 * nothing. Steps say what should follow ({@link Followup}); their caller schedules it.
 */
@Component
public class GenerationEngine {

	private static final Logger log = LoggerFactory.getLogger(GenerationEngine.class);

	private final Kinds kinds;

	private final Generators generators;

	private final Credits credits;

	private final ReplicateClient replicate;

	private final TransactionTemplate transactions;

	private final GenerationMetrics metrics;

	/** Work directories live in this instance's scratch space, which a restart clears after a crash. */
	private final ScratchSpace scratch;

	GenerationEngine(Kinds kinds, Generators generators, Credits credits, ReplicateClient replicate,
			TransactionTemplate transactions, GenerationMetrics metrics, ScratchSpace scratch) {
		this.metrics = metrics;
		this.scratch = scratch;
		this.kinds = kinds;
		this.generators = generators;
		this.credits = credits;
		this.replicate = replicate;
		this.transactions = transactions;
	}

	Followup start(ModelKind kindName, GenerationId id) {
		GenerationKind kind = kinds.get(kindName);
		Optional<GenerationRow> found = kind.table().findUnfinished(id);
		if (found.isEmpty()) {
			return Followup.NONE;
		}
		GenerationRow row = found.get();
		if (row.predictionId() != null) {
			// Started before a restart: follow the prediction instead of paying for another.
			return new Followup.Poll(Duration.ZERO, 0);
		}
		Generator generator = generators.forModel(row.model());
		boolean queued = generator.queuesForCapacity();
		if (!queued && !kind.table().markProcessing(id)) {
			return Followup.NONE;
		}
		return guarded(kind, row, () -> {
			Path work = scratch.createDirectory(kindName.value() + "-");
			try {
				GenerationInputs inputs = kind.inputs(row);
				Duration left = kind.timing().deadline().minus(Duration.between(row.createdAt(), Instant.now()));
				IntConsumer progress = percent -> kind.table().progress(id, percent);
				if (queued) {
					// Queued until its first progress: then it holds a slot and is processing.
					progress = new IntConsumer() {

						private boolean processing;

						@Override
						public void accept(int percent) {
							if (!processing) {
								processing = true;
								kind.table().markProcessing(id);
							}
							kind.table().progress(id, percent);
						}

					};
				}
				Step step = generator.start(new GenerationJob(row, inputs, kind.noun(), work, progress, left));
				return handle(kind, row, generator, step, 0);
			}
			finally {
				deleteRecursively(work);
			}
		});
	}

	/** @return what follows: another poll, the finish, or nothing once it ended */
	Followup poll(ModelKind kindName, GenerationId id, int polls) {
		GenerationKind kind = kinds.get(kindName);
		Optional<GenerationRow> found = kind.table().findUnfinished(id);
		if (found.isEmpty()) {
			return Followup.NONE;
		}
		GenerationRow row = found.get();
		Generator generator = generators.forModel(row.model());
		if (pastDeadline(kind, row)) {
			timeOut(kind, row, generator);
			return Followup.NONE;
		}
		if (row.predictionId() == null) {
			// The start is still running (or will run again): look later.
			return new Followup.Poll(nextPoll(kind, polls), polls + 1);
		}
		return guarded(kind, row, () -> handle(kind, row, generator, generator.poll(row), polls + 1));
	}

	/** A verified webhook: the same apply as a poll, for whichever kind follows that prediction. */
	List<Scheduled> onUpdate(Prediction prediction) {
		List<Scheduled> followups = new ArrayList<>();
		for (GenerationKind kind : kinds.all()) {
			kind.table().unfinishedByPrediction(prediction.id()).ifPresent(row -> {
				Generator generator = generators.forModel(row.model());
				Followup next = guarded(kind, row,
						() -> handle(kind, row, generator, generator.apply(row, prediction), 0));
				if (next instanceof Followup.Finish) {
					followups.add(new Scheduled(kind.kind(), row.id(), next));
				}
			});
		}
		return followups;
	}

	record Scheduled(ModelKind kind, GenerationId id, Followup followup) {
	}

	/** Copies the output into our store, then completes. */
	void finish(ModelKind kindName, GenerationId id, String output) {
		GenerationKind kind = kinds.get(kindName);
		kind.table().findUnfinished(id).ifPresent(row -> {
			Generator generator = generators.forModel(row.model());
			guarded(kind, row, () -> {
				Path work = scratch.createDirectory("output-");
				try {
					Path target = work.resolve(id + ".out");
					generator.fetch(row, URI.create(output), target);
					complete(kind, row, target);
					return Followup.NONE;
				}
				finally {
					deleteRecursively(work);
				}
			});
		});
	}

	/** Fails (and refunds) what outlived its deadline, cancelling it upstream. */
	void sweep() {
		for (GenerationKind kind : kinds.all()) {
			Instant cutoff = Instant.now().minus(kind.timing().deadline());
			for (GenerationRow row : kind.table().unfinishedCreatedBefore(cutoff)) {
				timeOut(kind, row, generators.forModel(row.model()));
			}
		}
	}

	private void timeOut(GenerationKind kind, GenerationRow row, Generator generator) {
		// Refund first: cancelling upstream is best effort and must not hold the refund up.
		if (fail(kind, row.id(), Failure.Reason.TIMED_OUT.of(kind.noun()))) {
			log.warn("{} {} passed its deadline of {}", kind.kind().value(), row.id(), kind.timing().deadline());
			generator.cancel(row);
		}
	}

	/** @return whether this call ended the generation (and so refunded it) */
	public boolean fail(GenerationKind kind, GenerationId id, Failure failure) {
		Boolean failed = transactions.execute(status -> {
			if (!kind.table().fail(id, failure)) {
				return false;
			}
			String model = kind.table().find(id).map(GenerationRow::model).orElse("unknown");
			metrics.failed(kind.kind().value(), model, failure.code());
			if (credits.refund(id.value(), "Refund: " + kind.kind().value() + " generation failed (" + failure.code() + ")")) {
				metrics.refunded(kind.kind().value(), model);
			}
			return true;
		});
		if (Boolean.TRUE.equals(failed)) {
			log.info("{} {} failed ({}) and was refunded", kind.kind().value(), id, failure.code());
		}
		return Boolean.TRUE.equals(failed);
	}

	public boolean fail(ModelKind kind, GenerationId id, Failure failure) {
		return fail(kinds.get(kind), id, failure);
	}

	private Followup handle(GenerationKind kind, GenerationRow row, Generator generator, Step step, int polls)
			throws IOException {
		if (step instanceof Step.Started started) {
			if (!kind.table().recordPrediction(row.id(), started.predictionId())) {
				// It ended meanwhile (the deadline): stop paying for a prediction nobody waits for.
				generator.cancel(new GenerationRow(row.id(), row.userId(), row.model(), started.predictionId(),
						row.status(), row.createdAt(), row.startedAt()));
				return Followup.NONE;
			}
			return new Followup.Poll(kind.timing().quickFirstCheck() ? kind.timing().firstPoll() : nextPoll(kind, 0), 1);
		}
		if (step instanceof Step.Running running) {
			if (running.progress() != null) {
				kind.table().progress(row.id(), running.progress());
			}
			return new Followup.Poll(nextPoll(kind, polls), polls + 1);
		}
		if (step instanceof Step.Produced produced) {
			complete(kind, row, produced.file());
			return Followup.NONE;
		}
		if (step instanceof Step.Succeeded succeeded) {
			return new Followup.Finish(succeeded.outputs().get(0).toString());
		}
		Step.Failed failed = (Step.Failed) step;
		log.info("{} {} failed upstream: {}", kind.kind().value(), row.id(), failed.detail());
		fail(kind, row.id(), failed.reason().of(kind.noun()));
		return Followup.NONE;
	}

	private void complete(GenerationKind kind, GenerationRow row, Path output) throws IOException {
		kind.complete(row, output);
		if (kind.table().find(row.id()).map(r -> r.status() == com.wanderframe.generation.GenerationStatus.COMPLETED)
			.orElse(false)) {
			metrics.completed(kind.kind().value(), row.model(), row.createdAt());
		}
	}

	interface StepBody {

		Followup run() throws IOException;

	}

	/**
	 * Runs a step: a reason to fail fails (and refunds); an interruption (shutdown) or a storage
	 * hiccup is no failure: it is thrown so the job runs again later.
	 */
	private Followup guarded(GenerationKind kind, GenerationRow row, StepBody body) {
		try {
			return body.run();
		}
		catch (GenerationFailedException ex) {
			log.info("{} {} failed: {} ({})", kind.kind().value(), row.id(), ex.reason().code(), ex.getMessage());
			fail(kind, row.id(), ex.reason().of(kind.noun()));
			return Followup.NONE;
		}
		catch (ReplicateCallInterruptedException | RetryLater ex) {
			log.info("{} {} will be run again: {}", kind.kind().value(), row.id(), ex.getMessage());
			throw ex;
		}
		catch (IOException ex) {
			throw new RetryLater("Storage failed for " + row.id(), ex);
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new RetryLater(kind.kind().value() + " " + row.id() + " was interrupted", ex);
			}
			log.warn("{} {} failed unexpectedly", kind.kind().value(), row.id(), ex);
			fail(kind, row.id(), Failure.Reason.GENERATION_FAILED.of(kind.noun()));
			return Followup.NONE;
		}
	}

	private boolean pastDeadline(GenerationKind kind, GenerationRow row) {
		return Instant.now().isAfter(row.createdAt().plus(kind.timing().deadline()));
	}

	private Duration nextPoll(GenerationKind kind, int polls) {
		return kind.timing().nextPoll(polls, replicate.webhookUrl() != null);
	}

	private static void deleteRecursively(Path directory) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			log.debug("Could not clean {}", directory, ex);
		}
	}

}
