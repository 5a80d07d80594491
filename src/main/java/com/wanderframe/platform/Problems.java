package com.wanderframe.platform;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One way to build the problem details every API error carries, for the places outside
 * Spring MVC (security filters) as well as inside it.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private static final String CODE_ATTRIBUTE = Problems.class.getName() + ".code";

	/** The longest detail that quotes something a client sent. */
	static final int MAX_DETAIL = 72;

	/** How much of a value a client sent an error message may repeat. */
	public static final int MAX_QUOTE = 40;

	private Problems() {
	}

	/**
	 * What a client sent, fit to repeat in an error message: at most {@value #MAX_QUOTE}
	 * characters, control characters removed, "…" where it was cut.
	 */
	public static String quote(String sent) {
		return quote(sent, MAX_QUOTE);
	}

	static String quote(String sent, int max) {
		if (sent == null) {
			return "";
		}
		String clean = sent.replaceAll("\\p{Cntrl}", "");
		if (clean.length() <= max) {
			return clean;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(clean.charAt(end - 1))) {
			end--; // never half a character
		}
		return clean.substring(0, end) + "…";
	}

	public static ProblemDetail of(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		remember(code);
		return problem;
	}

	/**
	 * Notes on the current request which problem it is being answered with, so that observers at
	 * the edge (metrics of refused uploads) can tell refusals apart without reading the body.
	 */
	static void remember(String code) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			request.setAttribute(CODE_ATTRIBUTE, code, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The {@code code} of the problem this request was answered with, if it was. */
	public static Optional<String> codeOf(HttpServletRequest request) {
		return Optional.ofNullable((String) request.getAttribute(CODE_ATTRIBUTE));
	}

	/** The problem as JSON text, for writers that are not a servlet response (Tomcat's error valve). */
	static String json(HttpStatus status, String code, String detail) {
		return JSON.writeValueAsString(of(status, code, detail));
	}

	public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), of(status, code, detail));
	}

}
