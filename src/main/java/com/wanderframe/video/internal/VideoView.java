package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A generation as its owner sees it: app URLs for the media, never storage keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VideoView(UUID id, UUID imageId, String prompt, String template, int duration, String resolution,
		String status, int progress, String videoUrl, String downloadUrl, String posterUrl, Error error, int cost,
		Instant createdAt, Instant updatedAt, Instant completedAt) {

	record Error(String code, String message) {
	}

	static VideoView of(VideoGeneration generation) {
		boolean completed = generation.status() == VideoStatus.COMPLETED;
		String base = "/api/video/" + generation.id();
		return new VideoView(generation.id(), generation.imageId(), generation.prompt(), generation.template(),
				generation.durationSeconds(), generation.resolution(), generation.status().value(),
				generation.progress(), completed ? base + "/video.mp4" : null,
				completed ? base + "/video.mp4?download=true" : null,
				completed && generation.posterKey() != null ? base + "/poster.jpg" : null,
				generation.errorCode() == null ? null : new Error(generation.errorCode(), generation.errorMessage()),
				generation.cost(), generation.createdAt(), generation.updatedAt(), generation.completedAt());
	}

	boolean isTerminal() {
		return VideoStatus.of(status).isTerminal();
	}

}
