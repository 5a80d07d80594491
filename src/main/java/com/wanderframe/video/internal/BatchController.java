package com.wanderframe.video.internal;

import java.util.UUID;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Several motions of one image at once: start them, see them, follow them live. */
@RestController
@RequestMapping("/api/video/batch")
class BatchController {

	private final GenerateBatch generateBatch;

	private final VideoBatches batches;

	private final VideoGenerations generations;

	private final VideoEvents events;

	private final TransactionTemplate transactions;

	BatchController(GenerateBatch generateBatch, VideoBatches batches, VideoGenerations generations,
			VideoEvents events, TransactionTemplate transactions) {
		this.generateBatch = generateBatch;
		this.batches = batches;
		this.generations = generations;
		this.events = events;
		this.transactions = transactions;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	GenerateBatch.Accepted generate(@AuthenticationPrincipal SignedInUser user, @RequestBody BatchRequest request) {
		return generateBatch.generate(user, request);
	}

	@GetMapping("/{batchId}")
	BatchView get(@PathVariable UUID batchId) {
		return view(batchId);
	}

	@GetMapping(path = "/{batchId}/events", produces = "text/event-stream")
	SseEmitter events(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID batchId) {
		return events.followBatch(user.id(), view(batchId));
	}

	/** In a transaction, so row-level security makes someone else's batch not found. */
	private BatchView view(UUID batchId) {
		return transactions.execute(status -> batches.find(batchId)
			.map(batch -> BatchView.of(batch,
					generations.inBatch(batchId).stream().map(VideoView::of).toList()))
			.orElseThrow(() -> ApiException.notFound("batch_not_found", "There is no such batch.")));
	}

}
