package com.wanderframe.media;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Serves a stored object as an HTTP response: {@code Accept-Ranges}, single-range {@code 206},
 * {@code 416} for an unsatisfiable range, {@code ETag}/{@code Last-Modified} with {@code 304},
 * {@code Cache-Control: private}. Callers check ownership first.
 */
public interface MediaResponses {

	/**
	 * @param downloadName when not null, answers with {@code Content-Disposition: attachment} and
	 * that file name; otherwise {@code inline}
	 */
	ResponseEntity<StreamingResponseBody> serve(String key, HttpServletRequest request, String downloadName);

}
