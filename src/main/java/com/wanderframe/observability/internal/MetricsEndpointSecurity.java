package com.wanderframe.observability.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code /actuator/prometheus} is never public. With a separate management port
 * ({@code MANAGEMENT_SERVER_PORT}) it is served there only, and that port is the operator's to
 * keep private (the public port does not map it at all); on the public port it needs
 * {@code Authorization: Bearer <WANDERFRAME_METRICS_TOKEN>}, and without a token it is not there.
 * Either way the scrape acts for no one, so the queue gauges read as the login role.
 */
@Configuration(proxyBeanMethods = false)
class MetricsEndpointSecurity {

	static final String PATH = "/actuator/prometheus";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain metricsEndpoint(HttpSecurity http, Environment environment,
			@Value("${wanderframe.metrics.token:}") String token) throws Exception {
		boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		http.securityMatcher(PathPatternRequestMatcher.pathPattern(PATH))
			.authorizeHttpRequests(requests -> requests.anyRequest()
				.access((authentication, context) -> new AuthorizationDecision(
						ownPort || (!token.isBlank() && bearerMatches(context.getRequest(), expected)))))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> refuse(response, token))
				.accessDeniedHandler((request, response, ex) -> refuse(response, token)));
		return http.build();
	}

	/** Constant-time, so the token cannot be guessed a byte at a time. */
	private static boolean bearerMatches(HttpServletRequest request, byte[] expected) {
		String given = request.getHeader(HttpHeaders.AUTHORIZATION);
		return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
	}

	/** Without a token configured the endpoint is simply not there; with one, a scraper is told to bring it. */
	private static void refuse(HttpServletResponse response, String token) throws java.io.IOException {
		if (token.isBlank()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
		else {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
	}

}
