package com.wanderframe.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

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
		URI uri = parse(databaseUrl);
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

	/**
	 * The URL holds the database password: a message about it must never repeat it, and the
	 * JDK's own parse error quotes the whole input (it ends up in the startup log).
	 */
	private static URI parse(String databaseUrl) {
		URI uri;
		try {
			uri = new URI(databaseUrl);
		}
		catch (URISyntaxException ex) {
			throw invalid(ex.getReason());
		}
		// An unencoded '#' parses without error, as a fragment that swallows the rest of the URL.
		if (uri.getHost() == null || uri.getRawFragment() != null) {
			throw invalid("no host name");
		}
		return uri;
	}

	private static IllegalArgumentException invalid(String reason) {
		return new IllegalArgumentException("DATABASE_URL is not a valid URL (" + reason
				+ "); percent-encode special characters such as # / ? @ : % in the user name and password");
	}

	// Percent-decoding only: a '+' in a password is a plus, not a space (URLDecoder is for forms).
	private static String decode(String part) {
		return UriUtils.decode(part, StandardCharsets.UTF_8);
	}

}
