package com.wanderframe.video.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.media.MediaStore;
import com.wanderframe.platform.ApiException;
import com.wanderframe.video.VideoDeleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's generations. Every read runs in a transaction, so row-level security limits it to
 * the acting user's rows: someone else's generation is simply not found.
 */
@Component
class VideoHistory {

	private static final Logger log = LoggerFactory.getLogger(VideoHistory.class);

	private final VideoGenerations generations;

	private final MediaStore media;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	VideoHistory(VideoGenerations generations, MediaStore media, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.generations = generations;
		this.media = media;
		this.transactions = transactions;
		this.events = events;
	}

	VideoGeneration get(UUID id) {
		return transactions.execute(status -> generations.findVisible(id))
			.orElseThrow(() -> ApiException.notFound("video_not_found", "There is no such video."));
	}

	record Page(List<VideoView> items, int page, int size, long total) {
	}

	Page page(UUID user, int page, int size, VideoFilter filter) {
		if (page < 0) {
			throw ApiException.badRequest("invalid_page", "The page number cannot be negative.");
		}
		if (size < 1 || size > 100) {
			throw ApiException.badRequest("invalid_size", "A page holds between 1 and 100 videos.");
		}
		return transactions.execute(status -> new Page(
				generations.page(user, page, size, filter).stream().map(VideoView::of).toList(), page, size,
				generations.count(user, filter)));
	}

	/**
	 * Hides the generation from its owner and removes its media; the ledger keeps the history.
	 * A generation still running cannot be deleted: its job would write the media back.
	 * {@link VideoDeleted} follows, once the row is hidden, so what other modules keep of it goes too.
	 */
	void delete(UUID id) {
		VideoGeneration generation = transactions.execute(status -> {
			VideoGeneration found = generations.findVisible(id)
				.orElseThrow(() -> ApiException.notFound("video_not_found", "There is no such video."));
			if (!found.status().isTerminal()) {
				throw ApiException.conflict("generation_in_progress",
						"This video is still being generated; delete it once it has finished.");
			}
			generations.hide(id);
			return found;
		});
		for (String key : new String[] { generation.videoKey(), generation.posterKey() }) {
			if (key != null) {
				try {
					media.delete(key);
				}
				catch (IOException ex) {
					log.warn("Could not remove {} of deleted generation {}", key, id, ex);
				}
			}
		}
		events.publishEvent(new VideoDeleted(id, generation.userId()));
	}

}
