package com.wanderframe.video.internal;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.media.MediaResponses;
import com.wanderframe.platform.ApiException;
import com.wanderframe.video.MotionTemplate;
import com.wanderframe.video.MotionTemplates;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/video")
class VideoController {

	private final GenerateVideo generateVideo;

	private final VideoHistory history;

	private final VideoEvents events;

	private final VideoOptions options;

	private final MediaResponses mediaResponses;

	private final VideoStats stats;

	private final VideoQueue queue;

	VideoController(GenerateVideo generateVideo, VideoHistory history, VideoEvents events, VideoOptions options,
			MediaResponses mediaResponses, VideoStats stats, VideoQueue queue) {
		this.stats = stats;
		this.queue = queue;
		this.generateVideo = generateVideo;
		this.history = history;
		this.events = events;
		this.options = options;
		this.mediaResponses = mediaResponses;
	}

	@PostMapping("/generate")
	@ResponseStatus(HttpStatus.ACCEPTED)
	GenerateVideo.Accepted generate(@AuthenticationPrincipal SignedInUser user,
			@RequestBody GenerateVideoRequest request) {
		return generateVideo.generate(user, request);
	}

	@GetMapping("/{id}")
	VideoView get(@PathVariable UUID id) {
		return queue.view(history.get(id));
	}

	@GetMapping(path = "/{id}/events", produces = "text/event-stream")
	SseEmitter events(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return events.follow(user.id(), queue.view(history.get(id)));
	}

	@GetMapping
	VideoHistory.Page list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String status,
			@RequestParam(required = false) String model, @RequestParam(required = false) String location,
			@RequestParam(required = false) String q, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return history.page(user.id(), page, size, VideoFilter.of(status, model, location, q, from, to));
	}

	/** The person's own figures: videos made, success rate, credits spent and refunded, typical time per model. */
	@GetMapping("/stats")
	VideoStats.Stats stats(@AuthenticationPrincipal SignedInUser user) {
		return stats.of(user.id());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		history.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/templates")
	List<MotionTemplate> templates() {
		return MotionTemplates.all();
	}

	/** One model's durations, resolutions and prices (the default model's unless named); {@code /api/models} has them all. */
	@GetMapping("/options")
	VideoOptions.View options(@RequestParam(required = false) String model) {
		return options.view(model);
	}

	@GetMapping("/{id}/video.mp4")
	ResponseEntity<StreamingResponseBody> video(@PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean download, HttpServletRequest request) {
		VideoGeneration generation = completed(id);
		return mediaResponses.serve(generation.videoKey(), request,
				download ? "wanderframe-" + id.toString().substring(0, 8) + ".mp4" : null);
	}

	@GetMapping("/{id}/poster.jpg")
	ResponseEntity<StreamingResponseBody> poster(@PathVariable UUID id, HttpServletRequest request) {
		VideoGeneration generation = completed(id);
		if (generation.posterKey() == null) {
			throw ApiException.notFound("poster_not_found", "This video has no poster.");
		}
		return mediaResponses.serve(generation.posterKey(), request, null);
	}

	private VideoGeneration completed(UUID id) {
		VideoGeneration generation = history.get(id);
		if (generation.status() != GenerationStatus.COMPLETED) {
			throw ApiException.notFound("video_not_ready", "This video is not ready yet.");
		}
		return generation;
	}

}
