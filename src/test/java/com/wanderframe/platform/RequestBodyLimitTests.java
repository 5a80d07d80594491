package com.wanderframe.platform;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are capped at 64 KB whoever sends them, and an error message repeats at most a
 * short prefix of what was sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestBodyLimitTests {

	@LocalServerPort
	int port;

	@Test
	void anUnauthenticatedSignUpWithAHugeBodyIsRefusedBeforeItIsRead() {
		ApiClient visitor = new ApiClient(port);
		String body = "{\"email\":\"" + "a".repeat(200_000) + "@example.com\",\"password\":\"correct horse battery\"}";

		ApiClient.Response response = visitor.post("/api/auth/signup", body);

		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("body_too_large");
		assertThat(response.body()).doesNotContain("aaaaaaaaaa");
		assertThat(visitor.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void aHugeBodyWithoutAContentLengthIsCutOffToo() {
		ApiClient visitor = new ApiClient(port);
		byte[] body = ("{\"email\":\"x@example.com\",\"password\":\"" + "p".repeat(200_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		// ofInputStream has no known length, so it is sent chunked.
		ApiClient.Response response = visitor.send(visitor.request("/api/auth/signin")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.code()).isEqualTo("body_too_large");
	}

	@Test
	void aSignedInRequestWithAHugePromptIsRefusedAsTooLarge() {
		ApiClient client = ApiClient.signedUp(port);
		int credits = new Studio(client).credits();

		ApiClient.Response response = client.post("/api/video/generate",
				"{\"imageId\":\"00000000-0000-0000-0000-000000000000\",\"prompt\":\"" + "pan ".repeat(50_000) + "\"}");

		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.code()).isEqualTo("body_too_large");
		assertThat(new Studio(client).credits()).isEqualTo(credits);
	}

	@Test
	void aBodyUnderTheCapIsReadAsUsual() {
		ApiClient visitor = new ApiClient(port);

		ApiClient.Response response = visitor.post("/api/auth/signin",
				"{\"email\":\"nobody@example.com\",\"password\":\"" + "p".repeat(60) + "\",\"padding\":\""
						+ " ".repeat(50_000) + "\"}");

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
	}

	@Test
	void errorMessagesRepeatOnlyAShortPrefixOfWhatWasSent() {
		ApiClient client = ApiClient.signedUp(port);
		String longSlug = "paris-" + "x".repeat(5_000);
		String longTemplate = "<script>alert(1)</script>" + "y".repeat(5_000);

		ApiClient.Response location = client.get("/api/locations/" + longSlug);
		ApiClient.Response template = client.post("/api/video/generate",
				"{\"imageId\":\"00000000-0000-0000-0000-000000000000\",\"prompt\":\"pan right\",\"template\":\""
						+ longTemplate + "\"}");
		ApiClient.Response contentType = client.send(client.request("/api/auth/signin")
			.header("Content-Type", "application/x-" + "z".repeat(3_000))
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(location.code()).isEqualTo("location_not_found");
		assertThat(template.status()).isEqualTo(400);
		assertThat(contentType.status()).isEqualTo(415);
		for (ApiClient.Response response : new ApiClient.Response[] { location, template, contentType }) {
			String detail = response.json().path("detail").asString();
			assertThat(detail).as(response.toString()).hasSizeLessThan(250);
			assertThat(response.body()).doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
				.doesNotContain("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy")
				.doesNotContain("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz");
		}
	}

}
