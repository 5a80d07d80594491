package com.wanderframe.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * One way to build the problem details every API error carries, for the places outside
 * Spring MVC (security filters) as well as inside it.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

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
		return problem;
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
