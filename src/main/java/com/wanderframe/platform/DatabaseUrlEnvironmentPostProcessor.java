package com.wanderframe.platform;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns a {@code DATABASE_URL} as Supabase and Heroku hand it out
 * ({@code postgres://user:pass@host:port/db?sslmode=require}) into the standard
 * {@code spring.datasource.*} properties. Explicit {@code spring.datasource.url} wins.
 * Hand-written because neither Spring Boot nor the JDBC driver reads this URL form.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (!StringUtils.hasText(databaseUrl) || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		environment.getPropertySources().addFirst(new MapPropertySource("databaseUrl", toDatasourceProperties(databaseUrl)));
	}

	static Map<String, Object> toDatasourceProperties(String databaseUrl) {
		if (databaseUrl.startsWith("jdbc:")) {
			return Map.of("spring.datasource.url", databaseUrl);
		}
		URI uri = URI.create(databaseUrl);
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException("DATABASE_URL must be a postgres:// or postgresql:// URL");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		properties.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			properties.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
			if (colon >= 0) {
				properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
			}
		}
		return properties;
	}

	private static String decode(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

}
