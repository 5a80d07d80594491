package com.wanderframe.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wanderframe.account.ActingUser;
import com.wanderframe.account.SignedInUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Makes a signed-in person's request act as them in the database. */
class ActingUserFilter extends OncePerRequestFilter {

	/** Styles, scripts and pictures are the same for everyone: no session is read for them. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return StaticAssets.requested(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
			chain.doFilter(request, response);
			return;
		}
		try (ActingUser.Scope scope = ActingUser.enter(user.id())) {
			chain.doFilter(request, response);
		}
	}

}
