package com.wanderframe.media.internal;

import java.util.regex.Pattern;

/**
 * The one place that decides whether a key is acceptable, so neither store can be talked into
 * writing outside its directory or bucket prefix.
 */
final class MediaKeys {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");

	private MediaKeys() {
	}

	static String validate(String key) {
		if (key == null || key.length() > 512 || !KEY.matcher(key).matches() || key.contains("..")) {
			throw new IllegalArgumentException("Not a valid media key: " + key);
		}
		return key;
	}

	/** The content type implied by a key's extension, for objects stored without one. */
	static String contentTypeOf(String key) {
		String name = key.substring(key.lastIndexOf('/') + 1);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
		return switch (extension) {
			case "jpg", "jpeg" -> "image/jpeg";
			case "png" -> "image/png";
			case "webp" -> "image/webp";
			case "mp4" -> "video/mp4";
			case "json" -> "application/json";
			default -> "application/octet-stream";
		};
	}

}
