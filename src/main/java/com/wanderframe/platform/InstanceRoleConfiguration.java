package com.wanderframe.platform;

import java.io.IOException;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Applies {@link InstanceRole}. A web instance keeps db-scheduler's client (it schedules jobs in
 * the transaction that charges for them) but never starts the scheduler, so it picks no
 * executions; a worker answers anything but {@code /actuator} with a bare 404 before security or
 * sessions are touched, so a load balancer that sends people there shows them nothing.
 */
@Configuration(proxyBeanMethods = false)
class InstanceRoleConfiguration {

	private static final Logger log = LoggerFactory.getLogger(InstanceRoleConfiguration.class);

	private static final String ROLE = "'${" + InstanceRole.PROPERTY + ":all}'.trim().toLowerCase()";

	@Bean
	InstanceRole instanceRole(Environment environment) {
		InstanceRole role = InstanceRole.of(environment);
		log.info("Instance role: {} ({})", role.name().toLowerCase(java.util.Locale.ROOT),
				role == InstanceRole.ALL ? "pages, API and jobs"
						: role == InstanceRole.WEB ? "pages and API; jobs run on workers" : "jobs and health only");
		return role;
	}

	/** Takes the place of the starter's, which would start picking executions. */
	@Bean
	@ConditionalOnExpression(ROLE + " == 'web'")
	DbSchedulerStarter schedulerNotStartedOnWebInstances() {
		log.info("Background jobs are not run here (web role): they are scheduled for the workers");
		return () -> {
		};
	}

	@Bean
	@ConditionalOnExpression(ROLE + " == 'worker'")
	FilterRegistrationBean<Filter> workersServeOnlyHealth() {
		Filter filter = (request, response, chain) -> {
			String path = ((HttpServletRequest) request).getRequestURI();
			if (path.equals("/actuator") || path.startsWith("/actuator/")) {
				chain.doFilter(request, response);
				return;
			}
			notFound((HttpServletResponse) response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		registration.setName("workersServeOnlyHealth");
		return registration;
	}

	private static void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
