package com.wanderframe.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import jakarta.servlet.http.HttpServletRequest;

import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaObject;
import com.wanderframe.media.MediaResponses;
import com.wanderframe.media.MediaStore;
import com.wanderframe.platform.ApiException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Serves stored media the way browsers' {@code <img>} and {@code <video>} expect: byte ranges for
 * seeking, validators for revalidation, and the body streamed from the store rather than held
 * in memory. Objects under a key never change (every upload or generation gets a new key), so
 * the validators are derived from the key, size and modification time.
 */
@Component
class StoreMediaResponses implements MediaResponses {

	// Media belongs to one person: cacheable by their browser only, never by a shared cache.
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

	private final MediaStore store;

	StoreMediaResponses(MediaStore store) {
		this.store = store;
	}

	@Override
	public ResponseEntity<StreamingResponseBody> serve(String key, HttpServletRequest request, String downloadName) {
		MediaObject object = stat(key);
		ETag etag = etagOf(object);
		Instant lastModified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag.formattedTag());
		headers.setLastModified(lastModified);
		headers.setCacheControl(CACHE);
		headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");

		if (notModified(request, etag, lastModified)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
		}

		headers.setContentType(contentTypeOf(object));
		headers.setContentDisposition((downloadName == null ? ContentDisposition.inline()
				: ContentDisposition.attachment().filename(downloadName, StandardCharsets.UTF_8)).build());

		long size = object.size();
		HttpRange range = requestedRange(request, etag, lastModified);
		if (range == null) {
			headers.setContentLength(size);
			return ResponseEntity.ok().headers(headers).body(body(request, () -> store.open(key)));
		}
		long start;
		long end;
		try {
			start = range.getRangeStart(size);
			end = range.getRangeEnd(size);
		}
		catch (IllegalArgumentException ex) {
			return unsatisfiable(headers, size);
		}
		if (size == 0 || start >= size || end < start) {
			return unsatisfiable(headers, size);
		}
		long length = end - start + 1;
		headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
		headers.setContentLength(length);
		return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
			.headers(headers)
			.body(body(request, () -> store.open(key, start, length)));
	}

	private MediaObject stat(String key) {
		try {
			return store.stat(key);
		}
		catch (MediaNotFoundException ex) {
			throw ApiException.notFound("media_not_found", "This file is no longer there.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The stream is opened now, so a store failure becomes an error response rather than a
	 * truncated body; it is read and closed by the servlet container's async thread.
	 */
	private static StreamingResponseBody body(HttpServletRequest request, Opener opener) {
		if ("HEAD".equals(request.getMethod())) {
			return out -> {
			};
		}
		InputStream in;
		try {
			in = opener.open();
		}
		catch (MediaNotFoundException ex) {
			throw ApiException.notFound("media_not_found", "This file is no longer there.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out -> {
			try (in) {
				in.transferTo(out);
			}
		};
	}

	private static ResponseEntity<StreamingResponseBody> unsatisfiable(HttpHeaders headers, long size) {
		HttpHeaders answer = new HttpHeaders();
		answer.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
		answer.set(HttpHeaders.ACCEPT_RANGES, "bytes");
		answer.setETag(headers.getETag());
		return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).headers(answer).build();
	}

	private static boolean notModified(HttpServletRequest request, ETag etag, Instant lastModified) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			// If-None-Match uses the weak comparison, and when present If-Modified-Since is ignored.
			return ETag.parse(ifNoneMatch).stream().anyMatch(candidate -> candidate.compare(etag, false));
		}
		long ifModifiedSince = dateHeader(request, HttpHeaders.IF_MODIFIED_SINCE);
		return ifModifiedSince >= 0 && lastModified.toEpochMilli() <= ifModifiedSince;
	}

	/**
	 * The single byte range asked for, or null for the whole object: no Range header, an
	 * If-Range that no longer matches (the client's partial copy is stale), or several ranges
	 * (multipart/byteranges is not worth its complexity; RFC 9110 lets a server send the whole).
	 */
	private static HttpRange requestedRange(HttpServletRequest request, ETag etag, Instant lastModified) {
		String header = request.getHeader(HttpHeaders.RANGE);
		if (header == null || !header.trim().startsWith("bytes=")) {
			return null;
		}
		String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		if (ifRange != null && !ifRangeMatches(request, ifRange, etag, lastModified)) {
			return null;
		}
		List<HttpRange> ranges;
		try {
			ranges = HttpRange.parseRanges(header);
		}
		catch (IllegalArgumentException ex) {
			// Unparseable byte ranges: answered like an unsatisfiable one below.
			return HttpRange.createByteRange(Long.MAX_VALUE);
		}
		return ranges.size() == 1 ? ranges.get(0) : null;
	}

	private static boolean ifRangeMatches(HttpServletRequest request, String ifRange, ETag etag,
			Instant lastModified) {
		if (ifRange.trim().startsWith("\"") || ifRange.trim().startsWith("W/")) {
			// If-Range needs the strong comparison.
			return ETag.parse(ifRange).stream().anyMatch(candidate -> candidate.compare(etag, true));
		}
		long date = dateHeader(request, HttpHeaders.IF_RANGE);
		return date >= 0 && date == lastModified.toEpochMilli();
	}

	private static long dateHeader(HttpServletRequest request, String name) {
		try {
			return request.getDateHeader(name);
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	private static ETag etagOf(MediaObject object) {
		CRC32 crc = new CRC32();
		crc.update(object.key().getBytes(StandardCharsets.UTF_8));
		String tag = HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + Long.toHexString(object.size()) + "-"
				+ Long.toHexString(object.lastModified().toEpochMilli());
		return new ETag(tag, false);
	}

	private static MediaType contentTypeOf(MediaObject object) {
		try {
			return MediaType.parseMediaType(object.contentType());
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	@FunctionalInterface
	private interface Opener {

		InputStream open() throws IOException;

	}

}
