package com.wanderframe.platform;

import java.net.URI;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Spring fills a problem's {@code instance} with the request path, which is whatever the client
 * sent (up to the header limit); a long one is cut to a short prefix (our own paths are
 * shorter), like any other value an error repeats.
 */
@RestControllerAdvice
class ProblemInstanceAdvice implements ResponseBodyAdvice<Object> {

	static final int MAX_INSTANCE = 64;

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && problem.getInstance() != null
				&& problem.getInstance().toString().length() > MAX_INSTANCE) {
			problem.setInstance(shortened(problem.getInstance().toString()));
		}
		return body;
	}

	static URI shortened(String instance) {
		String prefix = instance.substring(0, MAX_INSTANCE);
		// Never half a percent-escape.
		int percent = prefix.lastIndexOf('%');
		if (percent >= prefix.length() - 2) {
			prefix = prefix.substring(0, percent);
		}
		try {
			return URI.create(prefix);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
