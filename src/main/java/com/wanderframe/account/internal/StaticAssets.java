package com.wanderframe.account.internal;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The studio's styles, scripts and pictures: public, the same for everyone, and cached for a
 * year. Their requests neither read the person's session nor hand out a CSRF cookie: a page's
 * first load fetches dozens of them, and each used to cost the session's read and write in the
 * database; a cookie on a response a shared cache may keep would be handed to others.
 */
final class StaticAssets {

	static final String[] PATTERNS = { "/css/**", "/js/**", "/img/**", "/favicon.ico" };

	private static final RequestMatcher MATCHER = new OrRequestMatcher(
			Arrays.stream(PATTERNS).map(pattern -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern)).toList());

	private StaticAssets() {
	}

	static boolean requested(HttpServletRequest request) {
		return MATCHER.matches(request);
	}

}
