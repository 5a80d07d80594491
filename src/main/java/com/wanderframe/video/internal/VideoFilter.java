package com.wanderframe.video.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.wanderframe.generation.GenerationStatus;
import com.wanderframe.platform.ApiException;

/**
 * What a person narrows their videos to: a status, a model, the place of the image it started
 * from, words of the prompt, a date range (inclusive days, UTC, or exact instants). Every part is
 * optional; the SQL it adds is parameters only.
 */
record VideoFilter(GenerationStatus status, String model, String location, String text, Instant from,
		Instant until) {

	static final int MAX_TEXT = 200;

	static final VideoFilter NONE = new VideoFilter(null, null, null, null, null, null);

	static VideoFilter of(String status, String model, String location, String text, String from, String to) {
		GenerationStatus parsedStatus = null;
		if (blank(status) == null) {
			parsedStatus = null;
		}
		else {
			try {
				parsedStatus = GenerationStatus.of(status.trim().toLowerCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest("invalid_status",
						"A status is pending, processing, completed or failed.");
			}
		}
		String words = blank(text);
		if (words != null && words.length() > MAX_TEXT) {
			throw ApiException.badRequest("invalid_text", "Search for at most " + MAX_TEXT + " characters.");
		}
		Instant start = instant(from, false);
		Instant end = instant(to, true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw ApiException.badRequest("invalid_date_range", "The range starts before it ends.");
		}
		return new VideoFilter(parsedStatus, blank(model), blank(location), words, start, end);
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
			params.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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

	/** {@code 2026-12-01} (the whole day: from its start, or up to its end) or an ISO instant. */
	private static Instant instant(String value, boolean endOfRange) {
		String text = blank(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("invalid_date",
					"A date is like 2026-12-01 or 2026-12-01T18:30:00Z.");
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	static List<Object> params() {
		return new ArrayList<>();
	}

}
