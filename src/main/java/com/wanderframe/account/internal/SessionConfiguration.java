package com.wanderframe.account.internal;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * How stale a session's recorded last use may get before a request writes it again. The idle
	 * timeout is days long, so a minute's precision costs nothing; writing it on every request
	 * made the cheapest signed-in read a database write and a WAL flush (the benchmark's profile
	 * of {@code GET /api/me}: about 40 % of its time).
	 */
	static final long LAST_ACCESS_PRECISION_MILLIS = 60_000;

	/**
	 * Spring Session's own update statement with the same six parameters, made conditional: it
	 * writes the row only when the session's id, idle timeout or owner changed, or its last use
	 * moved on by {@link #LAST_ACCESS_PRECISION_MILLIS}. Spring Session declines to throttle this
	 * itself (spring-session#1065, #3329), and its update count is not checked, so a row left as it
	 * was is no error. Attribute changes are written by their own statements, untouched.
	 */
	static final String UPDATE_SESSION_WHEN_IT_CHANGED = """
			UPDATE %TABLE_NAME% AS S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
			    MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
			    PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
			             CAST(? AS INTEGER) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
			             CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME) AS V
			WHERE S.PRIMARY_ID = ?
			  AND (S.SESSION_ID <> V.SESSION_ID
			       OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
			       OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
			       OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= PRECISION)
			""".replace("PRECISION", Long.toString(LAST_ACCESS_PRECISION_MILLIS));

	/**
	 * Applied after every {@code SessionRepositoryCustomizer} (setting the table name resets the
	 * statements), so it holds whatever order Spring Boot applies its own in.
	 */
	@Bean
	static BeanPostProcessor sessionUpdatesOnlyWhenChanged() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository repository) {
					repository.setUpdateSessionQuery(UPDATE_SESSION_WHEN_IT_CHANGED);
				}
				return bean;
			}
		};
	}

	/**
	 * Spring MVC looks for flash attributes in the session on every request, which loaded the
	 * person's session for each style, script and picture and each API call. Only pages redirect
	 * with flash attributes (the admin's grant form), so only pages look for them.
	 */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
		return new SessionFlashMapManager() {
			@Override
			protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
				return StaticAssets.requested(request) || api.matches(request) ? null : super.retrieveFlashMaps(request);
			}
		};
	}

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
