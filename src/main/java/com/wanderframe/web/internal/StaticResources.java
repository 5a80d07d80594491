package com.wanderframe.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Styles, scripts and pictures under names that change with their content, cached by browsers
 * for a year: a repeat visit sends no request for them at all, and a new release is fetched at
 * once because its names are new. Templates link them with {@code @{/css/base.css}}, which
 * {@link ResourceUrlEncodingFilter} turns into the versioned name.
 * <p>
 * Styles and pictures get their own content hash in the file name ({@code base-<md5>.css}).
 * The scripts are ES modules that import each other by relative path ({@code ./dom.js}), so they
 * share one version in the path ({@code /js/<version>/studio.js}), the digest of every script:
 * a relative import then lands on the same version without rewriting any script, and a change
 * to any module changes the version of all (a module cached under the old version can never
 * import a newer sibling, or the other way round).
 * <p>
 * A request for an unversioned name (an old bookmark, a hand-typed URL) is still answered, but
 * must be revalidated, so only the versioned names are ever cached for long.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl VERSIONED = CacheControl.maxAge(java.time.Duration.ofDays(365))
		.cachePublic()
		.immutable();

	private static final CacheControl UNVERSIONED = CacheControl.noCache();

	/** {@code name-<32 hex digits of md5>.ext}, as the content strategy names a file. */
	private static final Pattern CONTENT_VERSIONED = Pattern.compile("^/(css|img)/.+-[0-9a-f]{32}\\.[a-z0-9]+$");

	private final String scriptsVersion = digestOf("classpath*:/static/js/**/*.js");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/js/**")
			.addResourceLocations("classpath:/static/js/")
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addFixedVersionStrategy(scriptsVersion, "/**"));
		for (String folder : new String[] { "css", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}

	/**
	 * Both handlers serve both kinds of name, so the header is chosen per request: a year for a
	 * versioned name, revalidation (a 304 on Last-Modified) for a bare one.
	 */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				boolean versioned = path.startsWith("/js/" + scriptsVersion + "/")
						|| CONTENT_VERSIONED.matcher(path).matches();
				response.setHeader("Cache-Control", (versioned ? VERSIONED : UNVERSIONED).getHeaderValue());
				return true;
			}
		}).addPathPatterns("/js/**", "/css/**", "/img/**");
	}

	/** Rewrites the links templates make with {@code @{...}} into the versioned names. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	private static String digestOf(String pattern) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(pattern);
			Arrays.sort(scripts, Comparator.comparing(StaticResources::pathOf));
			for (Resource script : scripts) {
				digest.update(pathOf(script).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				try (InputStream in = script.getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pathOf(Resource resource) {
		try {
			String url = resource.getURL().toString();
			return url.substring(url.lastIndexOf("/static/js/"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
