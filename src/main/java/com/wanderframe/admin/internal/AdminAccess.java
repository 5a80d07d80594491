package com.wanderframe.admin.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * To anyone but an operator, {@code /admin} and everything under it answer exactly as an address
 * with nothing behind it does (404), signed in or not, so its existence is not even confirmed.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer {

	static final String[] PATHS = { "/admin", "/admin/**" };

	private final Operators operators;

	AdminAccess(Operators operators) {
		this.operators = operators;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws NoResourceFoundException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication == null || !operators.isOperator(authentication.getPrincipal())) {
					throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(),
							request.getRequestURI());
				}
				return true;
			}
		}).addPathPatterns(PATHS);
	}

}
