package com.wanderframe.imaging.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.generation.GalleryFilter;
import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.imaging.ImageLayers;
import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import com.wanderframe.media.MediaStore;
import com.wanderframe.media.MediaResponses;
import com.wanderframe.platform.ApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Step 3 over HTTP. Everyone sees only their own images: another's is simply not found. */
@RestController
class ImageController {

	private static final Logger log = LoggerFactory.getLogger(ImageController.class);

	private static final int LIST_LIMIT = 100;

	private final GenerateImage generateImage;

	private final GeneratedImages images;

	private final MediaResponses media;

	private final MediaStore store;

	private final Locations locations;

	private final TransactionTemplate transactions;

	ImageController(GenerateImage generateImage, GeneratedImages images, MediaResponses media, MediaStore store,
			Locations locations, TransactionTemplate transactions) {
		this.generateImage = generateImage;
		this.locations = locations;
		this.transactions = transactions;
		this.images = images;
		this.media = media;
		this.store = store;
	}

	private ImageView view(GeneratedImages.Row row) {
		ImageLayers.Subject subject = null;
		if (row.status() == GenerationStatus.COMPLETED) {
			try {
				subject = ImageLayers.read(store, row.mediaKey()).map(ImageLayers.Manifest::subject).orElse(null);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not read the layers of image {}: {}", row.id(), ex.toString());
			}
		}
		return ImageView.of(row, subject);
	}

	@PostMapping("/api/images")
	@ResponseStatus(HttpStatus.ACCEPTED)
	GenerateImage.Started generate(@AuthenticationPrincipal SignedInUser user,
			@Valid @RequestBody GenerateRequest request) {
		return generateImage.start(user.id(), request.photoId(), request.location(), request.model());
	}

	@GetMapping("/api/images/{id}")
	ImageView one(@PathVariable UUID id) {
		return images.row(id).map(this::view).orElseThrow(ImageController::notFound);
	}

	/**
	 * The person's images that match, newest first. Still a plain array (the studio and older
	 * clients read it so); the page is chosen with {@code page}/{@code size} and the header
	 * {@code X-Total-Count} says how many match in all.
	 */
	@GetMapping("/api/images")
	ResponseEntity<List<ImageView>> mine(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + LIST_LIMIT) int size,
			@RequestParam(required = false) String status, @RequestParam(required = false) String model,
			@RequestParam(required = false) String location, @RequestParam(required = false) String q,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		if (page < 0) {
			throw ApiException.badRequest("invalid_page", "The page number cannot be negative.");
		}
		if (size < 1 || size > LIST_LIMIT) {
			throw ApiException.badRequest("invalid_size", "A page holds between 1 and " + LIST_LIMIT + " images.");
		}
		GalleryFilter filter = GalleryFilter.of(status, model, location, q, from, to);
		List<String> places = placesWhosePromptHas(filter.text());
		long[] total = new long[1];
		List<GeneratedImages.Row> rows = transactions.execute(tx -> {
			total[0] = images.count(user.id(), filter, places);
			return images.page(user.id(), page, size, filter, places);
		});
		return ResponseEntity.ok()
			.header("X-Total-Count", Long.toString(total[0]))
			.body(rows.stream().map(this::view).toList());
	}

	/**
	 * An image's prompt is made from its place (see {@link ImagingKind#prompt}), so words of the
	 * prompt pick the places whose prompt holds them; null when no words were asked for.
	 */
	private List<String> placesWhosePromptHas(String words) {
		if (words == null) {
			return null;
		}
		String needle = words.toLowerCase(Locale.ROOT);
		return locations.all()
			.stream()
			.filter(place -> (place.name() + " " + ImagingKind.prompt(place)).toLowerCase(Locale.ROOT).contains(needle))
			.map(Location::slug)
			.toList();
	}

	@GetMapping("/api/images/{id}/content")
	ResponseEntity<StreamingResponseBody> content(@PathVariable UUID id, HttpServletRequest request) {
		GeneratedImages.Row image = images.row(id)
			.filter(row -> row.status() == GenerationStatus.COMPLETED)
			.orElseThrow(ImageController::notFound);
		return media.serve(image.mediaKey(), request, null);
	}

	private static ApiException notFound() {
		return ApiException.notFound("image_not_found", "There is no such image.");
	}

	record GenerateRequest(@NotNull UUID photoId, @NotBlank String location, String model) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ImageView(UUID id, String status, UUID photoId, String location, String model, String url, Error error,
			int cost, Instant createdAt, Instant updatedAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) ImageLayers.Subject subject) {

		/** @param subject where the person stands in the image, or null when none was found (or it is not done) */
		static ImageView of(GeneratedImages.Row row, ImageLayers.Subject subject) {
			return new ImageView(row.id(), row.status().value(), row.photoId(), row.location(), row.model(),
					row.status() == GenerationStatus.COMPLETED ? "/api/images/" + row.id() + "/content" : null,
					row.errorCode() == null ? null : new Error(row.errorCode(), row.errorMessage()), row.cost(),
					row.createdAt(), row.updatedAt(), subject);
		}

	}

	record Error(String code, String message) {
	}

}
