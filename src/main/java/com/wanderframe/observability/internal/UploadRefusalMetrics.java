package com.wanderframe.observability.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.wanderframe.platform.Problems;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code wanderframe.uploads.refused}, by problem code: every multipart upload the app answered
 * with a 4xx problem (too large, unreadable, too many pixels, not an image...). Counted here, at
 * the edge, so every upload endpoint and every refusal (Tomcat's size limit included) is counted
 * the same way without each refusal site reporting itself.
 */
@Component
class UploadRefusalMetrics extends OncePerRequestFilter {

	private final MeterRegistry registry;

	UploadRefusalMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			if (status >= 400 && status < 500) {
				String code = Problems.codeOf(request).orElse("http_" + status);
				Counter.builder("wanderframe.uploads.refused")
					.description("Uploads refused, by problem code")
					.tag("code", code)
					.register(registry)
					.increment();
			}
		}
	}

}
