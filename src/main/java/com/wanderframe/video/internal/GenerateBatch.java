package com.wanderframe.video.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.generation.GenerationId;
import com.wanderframe.generation.Generations;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * Several motions of one image at once. Every variant is checked first, as a single generation
 * would be (a bad one is refused naming its index, and nothing is charged); then the engine
 * charges them all in one transaction, or none if the balance does not cover them all. Each
 * variant is its own generation with its own charge, so each is refunded on its own if it fails.
 */
@Component
class GenerateBatch {

	static final int MIN_VARIANTS = 2;

	static final int MAX_VARIANTS = 6;

	private final GenerateVideo generateVideo;

	private final VideoGenerations generations;

	private final VideoBatches batches;

	private final Generations engine;

	GenerateBatch(GenerateVideo generateVideo, VideoGenerations generations, VideoBatches batches,
			Generations engine) {
		this.generateVideo = generateVideo;
		this.generations = generations;
		this.batches = batches;
		this.engine = engine;
	}

	record Item(UUID id, String status, String model, int cost) {
	}

	record Accepted(UUID batchId, List<Item> items, int cost, int credits) {
	}

	Accepted generate(SignedInUser user, BatchRequest request) {
		if (request.imageId() == null) {
			throw ApiException.badRequest("image_required", "Choose the image to animate.");
		}
		List<BatchRequest.Variant> variants = request.variants() == null ? List.of() : request.variants();
		if (variants.size() < MIN_VARIANTS || variants.size() > MAX_VARIANTS) {
			throw ApiException.badRequest("invalid_variant_count",
					"A batch has " + MIN_VARIANTS + " to " + MAX_VARIANTS + " variants; this one has "
							+ variants.size() + ".");
		}
		List<GenerateVideo.Prepared> prepared = new ArrayList<>();
		for (int index = 0; index < variants.size(); index++) {
			BatchRequest.Variant variant = variants.get(index);
			if (variant == null) {
				throw refused(index, ApiException.badRequest("prompt_required", "Describe the motion, or pick a motion template."));
			}
			try {
				prepared.add(generateVideo.prepare(variant.of(request.imageId())));
			}
			catch (ApiException ex) {
				throw refused(index, ex);
			}
		}
		UUID batchId = UUID.randomUUID();
		List<Generations.Planned> planned = new ArrayList<>();
		for (int index = 0; index < prepared.size(); index++) {
			GenerateVideo.Prepared variant = prepared.get(index);
			VideoGeneration.VideoRequest asked = variant.asked().inBatch(batchId, index);
			int cost = variant.valid().cost();
			planned.add(new Generations.Planned(variant.valid().model(), cost,
					variant.ledgerReason() + " (batch variant " + (index + 1) + ")",
					(GenerationId id) -> generations.insert(VideoGeneration.pending(id, user.id(), asked, cost))));
		}
		Generations.AcceptedGroup group = engine.acceptAll(ModelKind.VIDEO, user.id(),
				() -> batches.insert(batchId, user.id(), request.imageId()), planned);
		List<Item> items = new ArrayList<>();
		for (int index = 0; index < group.items().size(); index++) {
			Generations.Accepted accepted = group.items().get(index);
			items.add(new Item(accepted.id().value(), "pending", prepared.get(index).valid().model().id(),
					accepted.cost()));
		}
		return new Accepted(batchId, items, group.cost(), group.credits());
	}

	/** The variant's own refusal, saying which one it is ({@code variant}: its index, from 0). */
	private static ApiException refused(int index, ApiException ex) {
		return new ApiException(ex.status(), ex.code(), "Variant " + (index + 1) + ": " + ex.getMessage())
			.with("variant", index);
	}

}
