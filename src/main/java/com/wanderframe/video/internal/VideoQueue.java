package com.wanderframe.video.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.generation.Generator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a waiting video stands: a model whose renders wait for a worker's render slot
 * ({@link Generator#queuesForCapacity()}) keeps its generations {@code pending} until one is
 * free, and the person sees how many of that model's generations were asked for before theirs
 * and still wait ("queued, 2 ahead"), counted across every instance by the database.
 */
@Component
class VideoQueue {

	private final JdbcClient jdbc;

	private final Set<String> queuedModels;

	private final TransactionTemplate transactions;

	VideoQueue(JdbcClient jdbc, TransactionTemplate transactions, List<Generator> generators) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.queuedModels = generators.stream()
			.filter(Generator::queuesForCapacity)
			.map(Generator::model)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The generation as its owner sees it, with its place in the queue while it waits. */
	VideoView view(VideoGeneration generation) {
		return VideoView.of(generation, ahead(generation));
	}

	/**
	 * How many wait ahead of it, or {@code null} when it does not wait in a queue of ours (it
	 * runs, ended, or its model is hosted). In a transaction, so row-level security applies on
	 * the request path.
	 */
	Integer ahead(VideoGeneration generation) {
		if (generation.status() != GenerationStatus.PENDING || !queuedModels.contains(generation.request().model())) {
			return null;
		}
		return transactions.execute(status -> jdbc.sql("SELECT video_queue_ahead(?)")
			.param(generation.id().value())
			.query(Integer.class)
			.optional()
			.orElse(null));
	}

}
