package com.wanderframe;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's HTTP client: keeps cookies like a browser and sends the CSRF token back the way
 * scripts do (the {@code XSRF-TOKEN} cookie as an {@code X-XSRF-TOKEN} header).
 */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	/** A client of an HTTPS address (a TLS proxy in front of the app) trusting {@code tls}'s certificates. */
	public ApiClient(String baseUrl, javax.net.ssl.SSLContext tls) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).sslContext(tls).build();
	}

	/** A new account with a unique email, signed in. */
	public static ApiClient signedUp(int port) {
		ApiClient client = new ApiClient(port);
		Response response = client.post("/api/auth/signup",
				"{\"email\":\"" + uniqueEmail() + "\",\"password\":\"correct horse\"}");
		if (response.status() != 201) {
			throw new IllegalStateException("sign-up failed: " + response);
		}
		return client;
	}

	public static String uniqueEmail() {
		return "person-" + UUID.randomUUID() + "@example.com";
	}

	public String baseUrl() {
		return baseUrl;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Opens a streaming response (e.g. Server-Sent Events), returning once its headers arrived. */
	public HttpResponse<java.util.stream.Stream<String>> lines(String path) {
		try {
			return http.send(request(path).header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A request with this client's CSRF token, fetching one first if the client has none. */
	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
		String token = csrfToken();
		if (token == null) {
			send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/me")).GET());
			token = csrfToken();
		}
		return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
	}

	/**
	 * Reads a Server-Sent Events stream until the server closes it, giving up after
	 * {@code atMost}: the {@code data} of every event, as JSON.
	 */
	public List<JsonNode> events(String path, Duration atMost) {
		return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(atMost, () -> {
			HttpResponse<java.util.stream.Stream<String>> stream = lines(path);
			if (stream.statusCode() != 200) {
				throw new IllegalStateException("No event stream at " + path + ": HTTP " + stream.statusCode());
			}
			try (java.util.stream.Stream<String> lines = stream.body()) {
				return lines.filter(line -> line.startsWith("data:"))
					.map(line -> JSON.readTree(line.substring(5)))
					.toList();
			}
		});
	}

	/** Takes over another client's cookies (its session), as a browser does behind a load balancer. */
	public void adoptSession(ApiClient other) {
		other.cookies.getCookieStore().getCookies().forEach(cookie -> {
			HttpCookie copy = (HttpCookie) cookie.clone();
			cookies.getCookieStore().add(URI.create(baseUrl), copy);
		});
	}

	public String sessionCookie() {
		return cookie("SESSION");
	}

	private String csrfToken() {
		return cookie("XSRF-TOKEN");
	}

	private String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name) && !cookie.getValue().isEmpty())
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public record Response(HttpResponse<byte[]> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String body() {
			return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
		}

		public byte[] bytes() {
			return raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(raw.body());
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		/** The problem's stable code, for error responses. */
		public String code() {
			return json().path("code").asString();
		}

		@Override
		public String toString() {
			return status() + " " + body();
		}

	}

}
