package com.wanderframe.account;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages, the API and assets all tell the browser to keep other sites away from them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/signin", "/api/me", "/api/locations", "/css/base.css" })
	void everyResponseLimitsWhatOtherSitesAndBrowserFeaturesMayDo(String path) throws Exception {
		HttpResponse<String> response = ForwardedHeadersTests.get(port, path);

		assertThat(response.headers().firstValue("Permissions-Policy"))
			.hasValueSatisfying(value -> assertThat(value).contains("camera=()").contains("microphone=()")
				.contains("geolocation=()"));
		assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
		assertThat(response.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
	}

	@Test
	void theStudioStillLoadsItsOwnScriptsAndStyles() throws Exception {
		HttpResponse<String> page = ForwardedHeadersTests.get(port, "/signin");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("/css/");
	}

}
