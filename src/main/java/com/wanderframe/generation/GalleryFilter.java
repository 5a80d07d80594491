package com.wanderframe.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.wanderframe.platform.ApiException;

/**
 * What a person narrows their images or videos to: a status, a model, a place (a location slug),
 * words (of the prompt), a creation range (inclusive days, UTC, or exact instants). Every part is
 * optional. One parser for both lists, so a bad value gets the same code from either; each list
 * turns it into its own SQL.
 */
public record GalleryFilter(GenerationStatus status, String model, String location, String text, Instant from,
		Instant until) {

	public static final int MAX_TEXT = 200;

	public static final GalleryFilter NONE = new GalleryFilter(null, null, null, null, null, null);

	/**
	 * @throws ApiException 400 {@code invalid_status}, {@code invalid_text}, {@code invalid_date} or
	 * {@code invalid_date_range}
	 */
	public static GalleryFilter of(String status, String model, String location, String text, String from,
			String to) {
		GenerationStatus parsedStatus = null;
		if (blank(status) != null) {
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
		return new GalleryFilter(parsedStatus, blank(model), blank(location), words, start, end);
	}

	/** The words as an ILIKE pattern (with {@code ESCAPE '\'}) that matches them as text, not as a pattern. */
	public String textPattern() {
		return text == null ? null
				: "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
			throw ApiException.badRequest("invalid_date", "A date is like 2026-12-01 or 2026-12-01T18:30:00Z.");
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
