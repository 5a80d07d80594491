package com.wanderframe.account.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wanderframe.platform.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Pages and assets anyone may see; everything else needs a signed-in person. */
	private static final String[] PUBLIC = Stream.concat(Arrays.stream(StaticAssets.PATTERNS), Stream.of(
			"/", "/signin", "/signup", "/error", "/actuator/health/**", "/api/auth/signup", "/api/auth/signin", "/api/locations/**",
			"/api/webhooks/**", "/verify-email", "/api/auth/verify", "/v3/api-docs", "/v3/api-docs/**",
			"/docs/api", "/swagger-ui.html",
			// A share link's page and its two media files: the token is the capability (sharing module).
			"/s/*", "/s/*/video.mp4", "/s/*/poster.jpg",
			// The admin module answers everyone but an operator with 404 itself (AdminAccess), so a
			// visitor is not even told that /admin exists by being sent to sign in.
			"/admin", "/admin/**")).toArray(String[]::new);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contextRepository,
			Environment environment) throws Exception {
		AuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint("/signin");
		AuthenticationEntryPoint api = (request, response, ex) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
				"unauthenticated", "Sign in to continue.");
		AccessDeniedHandler denied = (request, response, ex) -> {
			if (ex instanceof CsrfException) {
				Problems.write(response, HttpStatus.FORBIDDEN, "csrf_token_invalid",
						"This request lacks a valid CSRF token. Reload the page and try again.");
			}
			else {
				Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "You may not do this.");
			}
		};
		CookieCsrfTokenRepository csrfTokens = csrfCookies(environment);
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			.securityContext(context -> context.securityContextRepository(contextRepository))
			// Webhooks are authenticated by their signature, not by a browser session.
			.csrf(csrf -> csrf.spa()
				.csrfTokenRepository(csrfTokens)
				.ignoringRequestMatchers("/api/webhooks/**"))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(api, PathPatternRequestMatcher.pathPattern("/api/**"))
				.defaultAuthenticationEntryPointFor(pages, request -> true)
				.accessDeniedHandler(denied))
			.logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.pathPattern(
					org.springframework.http.HttpMethod.POST, "/api/auth/signout"))
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
						+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
						+ "frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				// The studio needs none of the browser's powerful features; a page of ours that is
				// compromised cannot ask for them either.
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), "
						+ "payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=(), "
						+ "interest-cohort=()"))
				// No other site's window keeps a handle on ours, and no other site embeds our media.
				.crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
				.crossOriginResourcePolicy(resource -> resource.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
				// Sent on HTTPS requests only (also behind a trusted proxy that says so), as HSTS requires.
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.requestCache(cache -> cache.disable())
			.addFilterAfter(new CsrfCookieFilter(csrfTokens), AuthorizationFilter.class)
			.addFilterAfter(new ActingUserFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * The {@code XSRF-TOKEN} cookie, readable by our scripts. It is {@code Secure} exactly when the
	 * session cookie is: as {@code server.servlet.session.cookie.secure} says when set, else when
	 * the request came over HTTPS (behind a proxy: as its {@code X-Forwarded-Proto} says).
	 */
	private static CookieCsrfTokenRepository csrfCookies(Environment environment) {
		CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		Boolean secure = environment.getProperty("server.servlet.session.cookie.secure", Boolean.class);
		if (secure != null) {
			repository.setCookieCustomizer(cookie -> cookie.secure(secure));
		}
		return repository;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService accounts, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(provider);
	}

	/** Primary: every transaction of the app is this one, but Spring Session's own. */
	@Bean
	@Primary
	JdbcTransactionManager transactionManager(DataSource dataSource) {
		return new RowLevelSecurityTransactionManager(dataSource);
	}

	/** Static: it post-processes the JdbcTemplate, which other configuration creates early. */
	@Bean
	static RequestQueryGuard requestQueryGuard() {
		return new RequestQueryGuard();
	}

	/**
	 * Sets the {@code XSRF-TOKEN} cookie on every response of a client that has none, so a
	 * script can GET anything first and then send the token back as {@code X-XSRF-TOKEN}.
	 * Spring Security loads the token lazily and would otherwise write the cookie only when
	 * something reads it.
	 */
	private static final class CsrfCookieFilter extends OncePerRequestFilter {

		private final CookieCsrfTokenRepository tokens;

		CsrfCookieFilter(CookieCsrfTokenRepository tokens) {
			this.tokens = tokens;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return StaticAssets.requested(request);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// A client that sent its cookie has it already: resolving (and masking) the token on
			// every request only to write nothing cost about a third of a signed-in read.
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null && tokens.loadToken(request) == null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
