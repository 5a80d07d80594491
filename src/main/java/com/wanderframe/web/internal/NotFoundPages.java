package com.wanderframe.web.internal;

import jakarta.servlet.http.HttpServletRequest;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.platform.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address with nothing behind it: a browser asking for a page gets a page it can leave by a
 * link; everything else keeps the API's problem details (asked before the platform's handler,
 * which would answer a person's browser with JSON).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPages {

	private final PageModelAdvice pageModel;

	NotFoundPages(PageModelAdvice pageModel) {
		this.pageModel = pageModel;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(NoResourceFoundException ex, HttpServletRequest request) {
		if (isPage(request)) {
			ModelAndView page = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
				page.addObject("account", pageModel.account(user));
			}
			return page;
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.NOT_FOUND, "not_found", "There is nothing at this address."));
	}

	private static boolean isPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return !request.getRequestURI().startsWith("/api/") && accept != null
				&& accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}
