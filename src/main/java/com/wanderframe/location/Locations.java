package com.wanderframe.location;

import java.awt.image.BufferedImage;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.wanderframe.location.internal.LocationCatalog;
import com.wanderframe.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * The catalogue. Backdrops are painted on first use and kept softly: each is about 7 MB, so
 * under memory pressure they are dropped and painted again (deterministically) when needed.
 */
@Component
public class Locations {

	private final Map<String, Location> bySlug = new LinkedHashMap<>();

	private final Map<String, SoftReference<BufferedImage>> backdrops = new ConcurrentHashMap<>();

	public Locations() {
		LocationCatalog.all().forEach(location -> bySlug.put(location.slug(), location));
	}

	public List<Location> all() {
		return List.copyOf(bySlug.values());
	}

	public Optional<Location> find(String slug) {
		return Optional.ofNullable(slug == null ? null : bySlug.get(slug));
	}

	/** @throws ApiException 404 {@code location_not_found} */
	public Location require(String slug) {
		return find(slug).orElseThrow(() -> ApiException.notFound("location_not_found",
				// Not echoed: whatever was sent stays out of the answer.
				"There is no such location. Choose one from the list."));
	}

	/** Where a person stands in the place, its light, and what moves there. */
	public Stage stage(String slug) {
		return LocationCatalog.stage(require(slug));
	}

	/**
	 * The place's backdrop in depth layers, painted afresh (a second or so, about 40 MB while it
	 * lives): for callers that keep the layers, not for every request.
	 */
	public Scenery scenery(String slug) {
		return LocationCatalog.paintScenery(require(slug));
	}

	/**
	 * The place's backdrop, at least 2048×1152 (16:9). Shared between callers: draw from it,
	 * never on it.
	 * @throws ApiException 404 {@code location_not_found}
	 */
	public BufferedImage backdrop(String slug) {
		Location location = require(slug);
		SoftReference<BufferedImage> cached = backdrops.get(slug);
		BufferedImage image = cached == null ? null : cached.get();
		if (image == null) {
			image = LocationCatalog.paint(location);
			backdrops.put(slug, new SoftReference<>(image));
		}
		return image;
	}

}
