package com.wanderframe.account.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/** Between Spring Session's filter (which loads the session) and Spring Security's. */
	@Bean
	FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(
			@Value("${wanderframe.session.max-lifetime:30d}") Duration maxLifetime) {
		FilterRegistrationBean<SessionLifetimeFilter> registration = new FilterRegistrationBean<>(
				new SessionLifetimeFilter(maxLifetime));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}
