package com.wanderframe.media.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.adobe.testing.s3mock.S3MockApplication;

/**
 * Adobe S3Mock, a real S3-protocol HTTP server, started inside the test JVM (we have no Docker
 * for its Testcontainers module). It is itself a Spring Boot application and sees our classpath,
 * so the auto-configurations that would want our database or lock it behind a login are
 * switched off for it.
 */
final class S3MockServer implements AutoCloseable {

	private static final String EXCLUDED = String.join(",",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration");

	private final S3MockApplication application;

	private S3MockServer(S3MockApplication application) {
		this.application = application;
	}

	static S3MockServer start(Path root, String... buckets) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(S3MockApplication.PROP_HTTP_PORT, 0);
		properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
		properties.put(S3MockApplication.PROP_SILENT, true);
		// Its own application.properties is shadowed by ours on the test classpath; these are the
		// settings from it that it cannot start without.
		properties.put("com.adobe.testing.s3mock.httpPort", 0);
		properties.put("com.adobe.testing.s3mock.controller.context-path", "");
		properties.put("spring.main.lazy-initialization", true);
		properties.put("com.adobe.testing.s3mock.store.root", root.toString());
		properties.put("com.adobe.testing.s3mock.store.initial-buckets", String.join(",", buckets));
		properties.put("com.adobe.testing.s3mock.store.region", "us-east-1");
		properties.put("spring.autoconfigure.exclude", EXCLUDED);
		properties.put("spring.jmx.enabled", false);
		properties.put("spring.thymeleaf.check-template-location", false);
		properties.put("spring.application.name", "s3mock");
		properties.put("server.address", "127.0.0.1");
		// Our readiness group names our database and media store, which S3Mock does not have.
		properties.put("wanderframe.health.readiness", "readinessState");
		return new S3MockServer(S3MockApplication.start(properties));
	}

	@SuppressWarnings("deprecation")
	URI endpoint() {
		return URI.create("http://localhost:" + application.getHttpPort());
	}

	@Override
	public void close() {
		application.stop();
	}

}
