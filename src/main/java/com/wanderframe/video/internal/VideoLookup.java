package com.wanderframe.video.internal;

import java.util.Optional;
import java.util.UUID;

import com.wanderframe.account.ActingUser;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.video.VideoRef;
import com.wanderframe.video.Videos;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class VideoLookup implements Videos {

	private final VideoGenerations generations;

	private final TransactionTemplate transactions;

	VideoLookup(VideoGenerations generations, TransactionTemplate transactions) {
		this.generations = generations;
		this.transactions = transactions;
	}

	@Override
	public Optional<VideoRef> find(UUID id) {
		return transactions.execute(status -> generations.findVisible(id)).map(VideoLookup::ref);
	}

	@Override
	public Optional<VideoRef> findCompletedForLink(UUID id) {
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			return transactions.execute(status -> generations.findVisible(id))
				.filter(generation -> generation.status() == GenerationStatus.COMPLETED)
				.map(VideoLookup::ref);
		}
	}

	private static VideoRef ref(VideoGeneration generation) {
		return new VideoRef(generation.id().value(), generation.userId(), generation.status(),
				generation.request().model(), generation.request().durationSeconds(), generation.videoKey(),
				generation.posterKey(), generation.createdAt());
	}

}
