package com.wanderframe.photos.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.media.MediaResponses;
import com.wanderframe.platform.ApiException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/photos")
class PhotoController {

	private static final int MAX_PAGE_SIZE = 100;

	private final PhotoLibrary photos;

	private final MediaResponses media;

	private final Cutouts cutouts;

	PhotoController(PhotoLibrary photos, MediaResponses media, Cutouts cutouts) {
		this.photos = photos;
		this.media = media;
		this.cutouts = cutouts;
	}

	record PhotoView(UUID id, int width, int height, String url, Instant createdAt) {

		static PhotoView of(PhotoLibrary.Photo photo) {
			return new PhotoView(photo.id(), photo.width(), photo.height(), "/api/photos/" + photo.id() + "/content",
					photo.createdAt());
		}

	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PhotoView> upload(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		PhotoView photo = PhotoView.of(photos.upload(user.id(), file));
		return ResponseEntity.created(URI.create("/api/photos/" + photo.id())).body(photo);
	}

	record PageView(List<PhotoView> items, int page, int size, long total) {
	}

	/** A page of the caller's photos, newest first; {@code total} tells how many pages follow. */
	@GetMapping
	PageView list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0) {
			throw ApiException.badRequest("invalid_page", "'page' counts from 0.");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.badRequest("invalid_size", "'size' must be from 1 to " + MAX_PAGE_SIZE + ".");
		}
		PhotoLibrary.Page found = photos.page(page, size);
		return new PageView(found.items().stream().map(PhotoView::of).toList(), found.page(), found.size(),
				found.total());
	}

	/** Removes the photo and its file; images made from it keep theirs. */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		if (!photos.delete(id)) {
			throw ApiException.notFound("photo_not_found", "There is no such photo.");
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}")
	PhotoView get(@PathVariable UUID id) {
		return PhotoView.of(find(id));
	}

	@GetMapping("/{id}/content")
	ResponseEntity<StreamingResponseBody> content(@PathVariable UUID id, HttpServletRequest request) {
		return media.serve(find(id).mediaKey(), request, null);
	}

	/** The person cut out (PNG with alpha); 404 {@code no_person_found} when the photo will be framed whole. */
	@GetMapping("/{id}/cutout.png")
	ResponseEntity<StreamingResponseBody> cutout(@PathVariable UUID id, HttpServletRequest request) {
		String key = cutouts.of(find(id))
			.orElseThrow(() -> ApiException.notFound("no_person_found",
					"No person was found in this photo, so it will be framed whole in the scene."));
		return media.serve(key, request, null);
	}

	private PhotoLibrary.Photo find(UUID id) {
		// Row-level security hides other people's photos: theirs and missing ones look alike.
		return photos.findPhoto(id)
			.orElseThrow(() -> ApiException.notFound("photo_not_found", "There is no such photo."));
	}

}
