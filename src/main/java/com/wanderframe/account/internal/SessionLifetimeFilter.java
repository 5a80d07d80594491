package com.wanderframe.account.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a sign-in: however active, a session signed in longer ago than
 * {@code maxLifetime} is ended and the person signs in again, so a stolen session cookie is
 * worth a bounded time. (The idle timeout is Spring Session's own {@code spring.session.timeout}.)
 * Runs after Spring Session has loaded the session and before Spring Security reads it.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	/** Epoch milliseconds of the sign-in that made the session, set by the sign-in itself. */
	static final String SIGNED_IN_AT = "wanderframe.signedInAt";

	private final Duration maxLifetime;

	SessionLifetimeFilter(Duration maxLifetime) {
		this.maxLifetime = maxLifetime;
	}

	/** Styles, scripts and pictures are the same for everyone: no session is read for them. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return StaticAssets.requested(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Object signedInAt = session.getAttribute(SIGNED_IN_AT);
			long started = signedInAt instanceof Long millis ? millis : session.getCreationTime();
			if (System.currentTimeMillis() - started > maxLifetime.toMillis()) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

}
