package com.wanderframe.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal a client can act on: an HTTP status, a stable machine-readable {@code code} and a
 * sentence a person can read. Rendered as RFC 9457 problem details by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ApiException(HttpStatus status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	/** Further members of the problem details, e.g. which item of a list was refused. */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(properties);
	}

	/** Adds a member to the problem details ({@code code}, {@code detail} and the standard ones are taken). */
	public ApiException with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public static ApiException notFound(String code, String message) {
		return new ApiException(HttpStatus.NOT_FOUND, code, message);
	}

	public static ApiException badRequest(String code, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, code, message);
	}

	public static ApiException conflict(String code, String message) {
		return new ApiException(HttpStatus.CONFLICT, code, message);
	}

}
