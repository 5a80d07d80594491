package com.wanderframe.exports.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wanderframe.account.SignedInUser;
import com.wanderframe.media.MediaResponses;
import com.wanderframe.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.wanderframe.video.Videos;

@RestController
class ExportController {

	private final EditAndExport editAndExport;

	private final VideoExports exports;

	private final Videos videos;

	private final MediaResponses media;

	private final TransactionTemplate transactions;

	ExportController(EditAndExport editAndExport, VideoExports exports, Videos videos, MediaResponses media,
			TransactionTemplate transactions) {
		this.editAndExport = editAndExport;
		this.exports = exports;
		this.videos = videos;
		this.media = media;
		this.transactions = transactions;
	}

	@PostMapping("/api/video/{id}/exports")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ExportView export(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody(required = false) EditAndExport.ExportRequest request) {
		return ExportView.of(editAndExport.request(user.id(), id, request));
	}

	@GetMapping("/api/video/{id}/exports")
	List<ExportView> ofVideo(@PathVariable UUID id) {
		videos.find(id).orElseThrow(() -> ApiException.notFound("video_not_found", "There is no such video."));
		return transactions.execute(status -> exports.ofVideo(id)).stream().map(ExportView::of).toList();
	}

	@GetMapping("/api/video/exports/{id}")
	ExportView get(@PathVariable UUID id) {
		return ExportView.of(row(id));
	}

	@GetMapping("/api/video/exports/{id}/file")
	ResponseEntity<StreamingResponseBody> file(@PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean download, HttpServletRequest request) {
		VideoExports.Row row = row(id);
		if (row.status() != VideoExports.Status.COMPLETED) {
			throw ApiException.notFound("export_not_ready", "This export is not ready yet.");
		}
		return media.serve(row.mediaKey(), request, download ? fileName(row) : null);
	}

	@DeleteMapping("/api/video/exports/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		editAndExport.delete(id);
		return ResponseEntity.noContent().build();
	}

	private VideoExports.Row row(UUID id) {
		return transactions.execute(status -> exports.find(id))
			.orElseThrow(() -> ApiException.notFound("export_not_found", "There is no such export."));
	}

	/** E.g. {@code wanderframe-1a2b3c4d-9x16-boomerang-2x.gif}: says what it is, and sorts beside its video's. */
	static String fileName(VideoExports.Row row) {
		StringBuilder name = new StringBuilder("wanderframe-").append(row.videoId().toString(), 0, 8);
		ExportSpec spec = row.spec();
		if (spec.aspect() != null) {
			name.append('-').append(spec.aspect().value.replace(':', 'x'));
		}
		if (spec.trimStart() > 0 || spec.trimEnd() != null) {
			name.append("-trimmed");
		}
		if (spec.boomerang()) {
			name.append("-boomerang");
		}
		if (spec.speed() != 1) {
			name.append('-').append(String.format(Locale.ROOT, "%s", trimZeros(spec.speed()))).append('x');
		}
		return name.append('.').append(spec.format().value).toString();
	}

	private static String trimZeros(double value) {
		String text = String.format(Locale.ROOT, "%.2f", value);
		return text.replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ExportView(UUID id, UUID videoId, String status, String format, Trim trim, double speed, String loop,
			String aspect, Focus focus, Integer width, Output output, Long bytes, String url, String downloadUrl,
			String fileName, Error error, Instant createdAt, Instant completedAt) {

		record Trim(double start, Double end) {
		}

		record Focus(double x, double y) {
		}

		/** @param sound whether the file carries the video's sound (null for exports older than that) */
		record Output(int width, int height, double fps, double seconds, Boolean sound) {
		}

		record Error(String code, String message) {
		}

		static ExportView of(VideoExports.Row row) {
			ExportSpec spec = row.spec();
			boolean done = row.status() == VideoExports.Status.COMPLETED;
			String base = "/api/video/exports/" + row.id() + "/file";
			return new ExportView(row.id(), row.videoId(), row.status().value(), spec.format().value,
					spec.trimStart() > 0 || spec.trimEnd() != null ? new Trim(spec.trimStart(), spec.trimEnd()) : null,
					spec.speed(), spec.boomerang() ? "boomerang" : "none",
					spec.aspect() == null ? null : spec.aspect().value,
					spec.aspect() == null ? null : new Focus(spec.focusX(), spec.focusY()), spec.width(),
					done ? new Output(row.outputWidth(), row.outputHeight(), row.outputFps(), row.outputSeconds(),
							row.outputSound()) : null,
					row.bytes(), done ? base : null, done ? base + "?download=true" : null,
					done ? ExportController.fileName(row) : null,
					row.errorCode() == null ? null : new Error(row.errorCode(), row.errorMessage()), row.createdAt(),
					row.completedAt());
		}

	}

}
