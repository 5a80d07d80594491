package com.wanderframe.video.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.wanderframe.generation.GalleryFilter;
import com.wanderframe.generation.GenerationStatus;

/**
 * What a person narrows their videos to: a status, a model, the place of the image it started
 * from, words of the prompt, a date range (inclusive days, UTC, or exact instants). Every part is
 * optional; the SQL it adds is parameters only.
 */
record VideoFilter(GenerationStatus status, String model, String location, String text, Instant from,
		Instant until) {

	static final VideoFilter NONE = new VideoFilter(null, null, null, null, null, null);

	static VideoFilter of(String status, String model, String location, String text, String from, String to) {
		GalleryFilter parsed = GalleryFilter.of(status, model, location, text, from, to);
		return new VideoFilter(parsed.status(), parsed.model(), parsed.location(), parsed.text(), parsed.from(),
				parsed.until());
	}

	/** The WHERE clauses after {@code user_id = ? AND deleted_at IS NULL}, with their parameters in order. */
	String where(List<Object> params) {
		StringBuilder sql = new StringBuilder();
		if (status != null) {
			sql.append(" AND v.status = ?");
			params.add(status.value());
		}
		if (model != null) {
			sql.append(" AND v.model = ?");
			params.add(model);
		}
		if (location != null) {
			// The place is the first frame's: a generated image's location (an upload has none).
			sql.append(" AND EXISTS (SELECT FROM generated_images i WHERE i.id = v.image_id AND i.location = ?)");
			params.add(location);
		}
		if (text != null) {
			sql.append(" AND v.prompt ILIKE ? ESCAPE '\\'");
			params.add(new GalleryFilter(null, null, null, text, null, null).textPattern());
		}
		if (from != null) {
			sql.append(" AND v.created_at >= ?");
			params.add(java.sql.Timestamp.from(from));
		}
		if (until != null) {
			sql.append(" AND v.created_at < ?");
			params.add(java.sql.Timestamp.from(until));
		}
		return sql.toString();
	}

	static List<Object> params() {
		return new ArrayList<>();
	}

}
