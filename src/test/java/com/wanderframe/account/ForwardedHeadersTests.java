package com.wanderframe.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-*} headers count only from the proxies the operator trusts (loopback by
 * default, which is where the tests' requests come from), and no header can make a redirect
 * lead to another site.
 */
class ForwardedHeadersTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class FromATrustedProxy {

		@LocalServerPort
		int port;

		@Test
		void aForgedForwardedHostCannotRedirectToAnotherSite() throws Exception {
			HttpResponse<String> response = get(port, "/studio", "X-Forwarded-Host", "evil.example",
					"X-Forwarded-Proto", "https");

			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).hasValue("/signin");
		}

		@Test
		void httpsBehindTheProxyGetsStrictTransportSecurityAndPlainHttpDoesNot() throws Exception {
			HttpResponse<String> https = get(port, "/", "X-Forwarded-Proto", "https");
			HttpResponse<String> http = get(port, "/");

			assertThat(https.headers().firstValue("Strict-Transport-Security"))
				.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000").contains("includeSubDomains"));
			assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "server.tomcat.remoteip.internal-proxies=10\\.9\\.8\\.7")
	class FromAnyoneElse {

		@LocalServerPort
		int port;

		@Test
		void aClientThatIsNoTrustedProxyCannotClaimHttps() throws Exception {
			HttpResponse<String> response = get(port, "/", "X-Forwarded-Proto", "https");

			assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
			assertThat(response.headers().allValues("Set-Cookie"))
				.filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN="))
				.singleElement()
				.satisfies(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
		}

	}

	static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
