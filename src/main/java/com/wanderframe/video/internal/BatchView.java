package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A batch as its owner sees it: every variant as {@code GET /api/video/{id}} shows it, in the
 * order they were asked for; {@code finished} once every one has completed or failed.
 */
record BatchView(UUID batchId, UUID imageId, Instant createdAt, Instant updatedAt, int cost, int completed,
		int failed, boolean finished, List<VideoView> items) {

	static BatchView of(VideoBatches.Batch batch, List<VideoView> items) {
		int completed = (int) items.stream().filter(item -> item.status().equals("completed")).count();
		int failed = (int) items.stream().filter(item -> item.status().equals("failed")).count();
		Instant updated = items.stream()
			.map(VideoView::updatedAt)
			.max(Comparator.naturalOrder())
			.orElse(batch.createdAt());
		return new BatchView(batch.id(), batch.imageId(), batch.createdAt(), updated,
				items.stream().mapToInt(VideoView::cost).sum(), completed, failed,
				items.stream().allMatch(VideoView::isTerminal), List.copyOf(items));
	}

	/** The same batch with its variants as they are now. */
	BatchView with(List<VideoView> now) {
		return of(new VideoBatches.Batch(batchId, null, imageId, createdAt), now);
	}

}
