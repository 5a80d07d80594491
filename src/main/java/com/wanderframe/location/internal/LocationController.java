package com.wanderframe.location.internal;

import java.time.Duration;
import java.util.List;

import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Step 2's catalogue, public so the picker can show before sign-in. */
@RestController
class LocationController {

	private final Locations locations;

	private final LocationPreviews previews;

	LocationController(Locations locations, LocationPreviews previews) {
		this.locations = locations;
		this.previews = previews;
	}

	@GetMapping("/api/locations")
	List<LocationView> all() {
		return locations.all().stream().map(LocationView::of).toList();
	}

	@GetMapping("/api/locations/{slug}")
	LocationView one(@PathVariable String slug) {
		return LocationView.of(locations.require(slug));
	}

	@GetMapping("/api/locations/{slug}/preview.jpg")
	ResponseEntity<byte[]> preview(@PathVariable String slug, WebRequest request) {
		LocationPreviews.Preview preview = previews.of(locations.require(slug).slug());
		CacheControl caching = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
		if (request.checkNotModified(preview.etag())) {
			return ResponseEntity.status(304).eTag(preview.etag()).cacheControl(caching).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.eTag(preview.etag())
			.cacheControl(caching)
			.body(preview.jpeg());
	}

	record LocationView(String slug, String name, String description, String previewUrl) {

		static LocationView of(Location location) {
			return new LocationView(location.slug(), location.name(), location.description(),
					"/api/locations/" + location.slug() + "/preview.jpg");
		}

	}

}
