package com.wanderframe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.wanderframe.platform.DataDirectory;
import com.wanderframe.replicate.FakeReplicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A careless or hostile client against every endpoint: each bad request below answers a 4xx
 * {@code application/problem+json} with a stable {@code code}, and after all of them every
 * balance, ledger entry, row and media file is exactly as before.
 *
 * <p>Requests are sent by Alice, who has a photo, an image and a video still running, or by
 * someone not signed in; Bob's things are the "ids of other people". Placeholders in paths and
 * bodies ({@code {bobPhoto}} ...) are filled in when a case runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// A context of its own: no other test class's background work changes rows meanwhile.
		properties = "wanderframe.test.context=bad-input-matrix")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputMatrixTests {

	private static final String JPEG = "image/jpeg";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataDirectory data;

	ApiClient alice;

	final Map<String, String> ids = new LinkedHashMap<>();

	Snapshot before;

	@BeforeAll
	void aliceAndBobHaveTheirThings() {
		alice = ApiClient.signedUp(port);
		ApiClient bob = ApiClient.signedUp(port);
		Studio aliceStudio = new Studio(alice);
		ids.put("aliceImage", aliceStudio.imageAtLocation());
		ids.put("alicePhoto", alice.get("/api/images/" + ids.get("aliceImage")).json().path("photoId").asString());
		ids.put("aliceEmail", alice.get("/api/me").json().path("email").asString());
		ids.put("alicePendingVideo", insertPendingVideo(userId(alice), ids.get("aliceImage")));
		ids.put("bobImage", new Studio(bob).imageAtLocation());
		ids.put("bobPhoto", bob.get("/api/images/" + ids.get("bobImage")).json().path("photoId").asString());
		ids.put("bobVideo", insertPendingVideo(userId(bob), ids.get("bobImage")));
		ids.put("nobody", UUID.randomUUID().toString());
		before = snapshot();
	}

	static Stream<BadRequest> badRequests() {
		String longPrompt = "slow push in ".repeat(160);
		String nested = "[".repeat(5000) + "]".repeat(5000);
		return Stream.of(
				// ---- sign-up and sign-in: anyone may call them ----
				anonymous("sign-up: not JSON", json("POST", "/api/auth/signup", "{not json"), 400, "malformed_request"),
				anonymous("sign-up: empty body", json("POST", "/api/auth/signup", ""), 400, "malformed_request"),
				anonymous("sign-up: JSON null", json("POST", "/api/auth/signup", "null"), 400, "malformed_request"),
				anonymous("sign-up: an array", json("POST", "/api/auth/signup", "[\"a@example.com\"]"), 400, "malformed_request"),
				anonymous("sign-up: no fields", json("POST", "/api/auth/signup", "{}"), 400, "invalid_email"),
				anonymous("sign-up: no password", json("POST", "/api/auth/signup", "{\"email\":\"new-person@example.com\"}"), 400, "invalid_password"),
				anonymous("sign-up: email is an object", json("POST", "/api/auth/signup", "{\"email\":{\"a\":1},\"password\":\"correct horse\"}"), 400, "malformed_request"),
				anonymous("sign-up: email with HTML", json("POST", "/api/auth/signup", "{\"email\":\"<script>alert(1)</script>@example.com\",\"password\":\"correct horse\"}"), 400, "invalid_email"),
				anonymous("sign-up: email with NUL", json("POST", "/api/auth/signup", "{\"email\":\"a\\u0000@example.com\",\"password\":\"correct horse\"}"), 400, "malformed_request"),
				anonymous("sign-up: email with a right-to-left override", json("POST", "/api/auth/signup", "{\"email\":\"moc.elpmaxe\\u202e@example.com\",\"password\":\"correct horse\"}"), 400, "invalid_email"),
				anonymous("sign-up: a 300-character email", json("POST", "/api/auth/signup", "{\"email\":\"" + "a".repeat(288) + "@example.com\",\"password\":\"correct horse\"}"), 400, "invalid_email"),
				anonymous("sign-up: password of 10,000 characters", json("POST", "/api/auth/signup", "{\"email\":\"long-password@example.com\",\"password\":\"" + "p".repeat(10_000) + "\"}"), 400, "invalid_password"),
				anonymous("sign-up: password is a number", json("POST", "/api/auth/signup", "{\"email\":\"numeric@example.com\",\"password\":12345678901}"), 400, "malformed_request"),
				anonymous("sign-up: a common password", json("POST", "/api/auth/signup", "{\"email\":\"common@example.com\",\"password\":\"password\"}"), 400, "weak_password"),
				anonymous("sign-up: a guessable password", json("POST", "/api/auth/signup", "{\"email\":\"digits@example.com\",\"password\":\"12345678\"}"), 400, "weak_password"),
				anonymous("sign-up: a taken email", json("POST", "/api/auth/signup", "{\"email\":\"{aliceEmail}\",\"password\":\"Tr0ub4dor&3-zebra-quilt\"}"), 409, "email_taken"),
				anonymous("sign-up: nested 5000 deep", json("POST", "/api/auth/signup", "{\"email\":" + nested + "}"), 400, "malformed_request"),
				anonymous("sign-up: as text/plain", raw("POST", "/api/auth/signup", "text/plain", "{\"email\":\"plain@example.com\",\"password\":\"correct horse\"}"), 415, "unsupported_media_type"),
				anonymous("sign-up: as a form", raw("POST", "/api/auth/signup", "application/x-www-form-urlencoded", "email=form%40example.com&password=correct+horse"), 415, "unsupported_media_type"),
				anonymous("sign-up: without the CSRF token", json("POST", "/api/auth/signup", "{\"email\":\"no-csrf@example.com\",\"password\":\"correct horse\"}").withoutCsrf(), 403, "csrf_token_invalid"),
				anonymous("sign-in: wrong password", json("POST", "/api/auth/signin", "{\"email\":\"{aliceEmail}\",\"password\":\"wrong horse\"}"), 401, "invalid_credentials"),
				anonymous("sign-in: no password", json("POST", "/api/auth/signin", "{\"email\":\"{aliceEmail}\"}"), 401, "invalid_credentials"),
				anonymous("sign-in: not JSON", json("POST", "/api/auth/signin", "email={aliceEmail}"), 400, "malformed_request"),
				anonymous("sign-in: email is an array", json("POST", "/api/auth/signin", "{\"email\":[\"{aliceEmail}\"],\"password\":\"correct horse\"}"), 400, "malformed_request"),
				anonymous("sign-in: unicode look-alike email", json("POST", "/api/auth/signin", "{\"email\":\"\\u0430lice@example.com\",\"password\":\"correct horse\"}"), 401, "invalid_credentials"),
				anonymous("sign-in: a password over 72 bytes", json("POST", "/api/auth/signin", "{\"email\":\"{aliceEmail}\",\"password\":\"" + "p".repeat(73) + "\"}"), 400, "invalid_password"),
				anonymous("me: not signed in", get("/api/me"), 401, "unauthenticated"),
				anonymous("sign-out everywhere: not signed in", json("POST", "/api/auth/signout-all", ""), 401, "unauthenticated"),
				alice("sign-out everywhere: without the CSRF token", json("POST", "/api/auth/signout-all", "").withoutCsrf(), 403, "csrf_token_invalid"),
				alice("sign-out: without the CSRF token", json("POST", "/api/auth/signout", "").withoutCsrf(), 403, "csrf_token_invalid"),

				// ---- step 1: photos ----
				alice("photo: JSON instead of multipart", json("POST", "/api/photos", "{\"file\":\"aGVsbG8=\"}"), 415, "unsupported_media_type"),
				alice("photo: multipart without a file part", multipart("other", "me.jpg", JPEG, TestFiles.jpeg()), 400, "photo_missing"),
				alice("photo: an empty file", multipart("file", "me.jpg", JPEG, new byte[0]), 400, "photo_missing"),
				alice("photo: multipart cut off", raw("POST", "/api/photos", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\ncut off"), 400, "malformed_upload"),
				alice("photo: multipart without a boundary", raw("POST", "/api/photos", "multipart/form-data", "--xyz\r\n\r\nnothing\r\n--xyz--\r\n"), 400, "malformed_upload"),
				alice("photo: a PDF named .jpg", multipart("file", "holiday.jpg", JPEG, TestFiles.pdf()), 415, "unsupported_media_type"),
				alice("photo: HTML with a script named .jpg", multipart("file", "x.jpg", JPEG, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type"),
				alice("photo: SVG with a script", multipart("file", "x.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type"),
				alice("photo: a GIF", multipart("file", "a.gif", "image/gif", TestFiles.gif()), 415, "unsupported_media_type"),
				alice("photo: a PNG decompression bomb", multipart("file", "bomb.png", "image/png", TestFiles.pngBomb()), 422, "photo_too_many_pixels"),
				alice("photo: a truncated JPEG", multipart("file", "cut.jpg", JPEG, Arrays.copyOf(TestFiles.jpeg(), 400)), 422, "photo_unreadable"),
				alice("photo: over 15 MB", multipart("file", "big.jpg", JPEG, TestFiles.jpegHeaderThenZeros(15 * 1024 * 1024 + 1)), 413, "photo_too_large"),
				alice("photo: path traversal in the file name of a PDF", multipart("file", "../../../etc/passwd", JPEG, TestFiles.pdf()), 415, "unsupported_media_type"),
				anonymous("photo: upload when not signed in", multipart("file", "me.jpg", JPEG, TestFiles.jpeg()), 401, "unauthenticated"),
				anonymous("photos: list when not signed in", get("/api/photos"), 401, "unauthenticated"),
				alice("photo: id is not a UUID", get("/api/photos/not-a-uuid"), 400, "invalid_id"),
				alice("photo: id in braces", get("/api/photos/%7B{bobPhoto}%7D"), 400, "invalid_id"),
				alice("photo: SQL in the id", get("/api/photos/1%27%20OR%20%271%27%3D%271"), 400, "invalid_id"),
				alice("photo: someone else's", get("/api/photos/{bobPhoto}"), 404, "photo_not_found"),
				alice("photo: someone else's content", get("/api/photos/{bobPhoto}/content"), 404, "photo_not_found"),
				alice("photo: nobody's", get("/api/photos/{nobody}/content"), 404, "photo_not_found"),
				alice("photo: someone else's cut-out", get("/api/photos/{bobPhoto}/cutout.png"), 404, "photo_not_found"),
				alice("photo: a path parameter in the id", get("/api/photos/{alicePhoto};jsessionid=abc"), 400, "request_rejected"),
				alice("photo: an encoded slash in the path", get("/api/photos/..%2F..%2Fetc%2Fpasswd"), 400, "request_rejected"),

				// ---- step 2: locations ----
				anonymous("location: unknown", get("/api/locations/atlantis"), 404, "location_not_found"),
				anonymous("location: HTML in the slug", get("/api/locations/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), 400, "request_rejected"),
				anonymous("location: unicode slug", get("/api/locations/%E6%9D%B1%E4%BA%AC"), 404, "location_not_found"),
				anonymous("location: preview of an unknown place", get("/api/locations/atlantis/preview.jpg"), 404, "location_not_found"),

				// ---- step 3: images ----
				alice("image: no fields", json("POST", "/api/images", "{}"), 400, "invalid_request"),
				alice("image: photo id is not a UUID", json("POST", "/api/images", "{\"photoId\":\"abc\",\"location\":\"paris-at-dusk\"}"), 400, "malformed_request"),
				alice("image: photo id is a number", json("POST", "/api/images", "{\"photoId\":12,\"location\":\"paris-at-dusk\"}"), 400, "malformed_request"),
				alice("image: someone else's photo", json("POST", "/api/images", "{\"photoId\":\"{bobPhoto}\",\"location\":\"paris-at-dusk\"}"), 404, "photo_not_found"),
				alice("image: nobody's photo", json("POST", "/api/images", "{\"photoId\":\"{nobody}\",\"location\":\"paris-at-dusk\"}"), 404, "photo_not_found"),
				alice("image: unknown location", json("POST", "/api/images", "{\"photoId\":\"{alicePhoto}\",\"location\":\"atlantis\"}"), 404, "location_not_found"),
				alice("image: location with a script", json("POST", "/api/images", "{\"photoId\":\"{alicePhoto}\",\"location\":\"<script>alert(1)</script>\"}"), 404, "location_not_found"),
				alice("image: blank location", json("POST", "/api/images", "{\"photoId\":\"{alicePhoto}\",\"location\":\"  \"}"), 400, "invalid_request"),
				alice("image: an array", json("POST", "/api/images", "[]"), 400, "malformed_request"),
				alice("image: as text/plain", raw("POST", "/api/images", "text/plain", "{\"photoId\":\"{alicePhoto}\",\"location\":\"paris-at-dusk\"}"), 415, "unsupported_media_type"),
				alice("image: id is not a UUID", get("/api/images/12345"), 400, "invalid_id"),
				alice("image: someone else's", get("/api/images/{bobImage}"), 404, "image_not_found"),
				alice("image: someone else's content", get("/api/images/{bobImage}/content"), 404, "image_not_found"),

				// ---- step 4: generate a video ----
				alice("generate: no fields", json("POST", "/api/video/generate", "{}"), 400, "image_required"),
				alice("generate: image id is not a UUID", generate("\"not-a-uuid\"", "\"pan left\"", "6", "\"512p\""), 400, "malformed_request"),
				alice("generate: image id is an array", generate("[\"{aliceImage}\"]", "\"pan left\"", "6", "\"512p\""), 400, "malformed_request"),
				alice("generate: someone else's image", generate("\"{bobImage}\"", "\"pan left\"", "6", "\"512p\""), 404, "image_not_found"),
				alice("generate: nobody's image", generate("\"{nobody}\"", "\"pan left\"", "6", "\"512p\""), 404, "image_not_found"),
				alice("generate: no prompt", json("POST", "/api/video/generate", "{\"imageId\":\"{aliceImage}\"}"), 400, "prompt_required"),
				alice("generate: a blank prompt", generate("\"{aliceImage}\"", "\" \\t\\n \"", "6", "\"512p\""), 400, "prompt_required"),
				alice("generate: prompt is a number", generate("\"{aliceImage}\"", "42", "6", "\"512p\""), 400, "malformed_request"),
				alice("generate: a prompt of 2,080 characters", generate("\"{aliceImage}\"", "\"" + longPrompt + "\"", "6", "\"512p\""), 400, "prompt_too_long"),
				alice("generate: negative duration", generate("\"{aliceImage}\"", "\"pan left\"", "-6", "\"512p\""), 400, "invalid_duration"),
				alice("generate: fractional duration", generate("\"{aliceImage}\"", "\"pan left\"", "6.5", "\"512p\""), 400, "malformed_request"),
				alice("generate: duration as a string", generate("\"{aliceImage}\"", "\"pan left\"", "\"six\"", "\"512p\""), 400, "malformed_request"),
				alice("generate: duration beyond an int", generate("\"{aliceImage}\"", "\"pan left\"", "99999999999", "\"512p\""), 400, "malformed_request"),
				alice("generate: a duration not offered", generate("\"{aliceImage}\"", "\"pan left\"", "7", "\"512p\""), 400, "invalid_duration"),
				alice("generate: unknown resolution", generate("\"{aliceImage}\"", "\"pan left\"", "6", "\"4k\""), 400, "invalid_resolution"),
				alice("generate: 10 s at 1080p", generate("\"{aliceImage}\"", "\"pan left\"", "10", "\"1080p\""), 400, "unsupported_combination"),
				alice("generate: unknown template", json("POST", "/api/video/generate", "{\"imageId\":\"{aliceImage}\",\"prompt\":\"pan left\",\"template\":\"../../etc\"}"), 400, "unknown_template"),
				alice("generate: script in the prompt, bad duration", generate("\"{aliceImage}\"", "\"<script>alert(document.cookie)</script><img src=x onerror=alert(1)>\"", "-1", "\"512p\""), 400, "invalid_duration"),
				alice("generate: NUL in the prompt", generate("\"{aliceImage}\"", "\"pan \\u0000 left\"", "6", "\"512p\""), 400, "malformed_request"),
				alice("generate: lone surrogate in the prompt, someone else's image", generate("\"{bobImage}\"", "\"pan left \\ud800\"", "6", "\"512p\""), 404, "image_not_found"),
				alice("generate: emoji and RTL override prompt, bad resolution", generate("\"{aliceImage}\"", "\"\\u202epan 🎥 left\\u202c\"", "6", "\"512P \""), 400, "invalid_resolution"),
				alice("generate: nested 5000 deep", json("POST", "/api/video/generate", "{\"prompt\":" + nested + "}"), 400, "malformed_request"),
				alice("generate: as text/plain", raw("POST", "/api/video/generate", "text/plain", "{\"imageId\":\"{aliceImage}\",\"prompt\":\"pan left\"}"), 415, "unsupported_media_type"),
				alice("generate: with GET", get("/api/video/generate"), 400, "invalid_id"),
				alice("generate: with PUT", json("PUT", "/api/video/generate", "{}"), 405, "method_not_allowed"),
				anonymous("generate: not signed in", generate("\"{aliceImage}\"", "\"pan left\"", "6", "\"512p\""), 401, "unauthenticated"),
				alice("generate: without the CSRF token", generate("\"{aliceImage}\"", "\"pan left\"", "6", "\"512p\"").withoutCsrf(), 403, "csrf_token_invalid"),

				// ---- videos: history, player, delete ----
				alice("video: id is not a UUID", get("/api/video/12"), 400, "invalid_id"),
				alice("video: someone else's", get("/api/video/{bobVideo}"), 404, "video_not_found"),
				alice("video: someone else's file", get("/api/video/{bobVideo}/video.mp4"), 404, "video_not_found"),
				alice("video: someone else's poster", get("/api/video/{bobVideo}/poster.jpg"), 404, "video_not_found"),
				alice("video: a file not made yet", get("/api/video/{alicePendingVideo}/video.mp4?download=true"), 404, "video_not_ready"),
				alice("video: download flag not a boolean", get("/api/video/{alicePendingVideo}/video.mp4?download=maybe"), 400, "invalid_download"),
				alice("history: negative page", get("/api/video?page=-1"), 400, "invalid_page"),
				alice("history: page is not a number", get("/api/video?page=abc"), 400, "invalid_page"),
				alice("history: fractional size", get("/api/video?size=1.5"), 400, "invalid_size"),
				alice("history: size of zero", get("/api/video?size=0"), 400, "invalid_size"),
				alice("history: a page of a million", get("/api/video?size=1000000"), 400, "invalid_size"),
				alice("history: page beyond an int", get("/api/video?page=99999999999"), 400, "invalid_page"),
				alice("delete: someone else's video", delete("/api/video/{bobVideo}"), 404, "video_not_found"),
				alice("delete: id is not a UUID", delete("/api/video/%00"), 400, "request_rejected"),
				alice("delete: a video still being made", delete("/api/video/{alicePendingVideo}"), 409, "generation_in_progress"),
				alice("delete: without the CSRF token", delete("/api/video/{alicePendingVideo}").withoutCsrf(), 403, "csrf_token_invalid"),
				anonymous("history: not signed in", get("/api/video"), 401, "unauthenticated"),

				// ---- Replicate's webhooks: signed, not signed in ----
				anonymous("webhook: unsigned", json("POST", "/api/webhooks/replicate", "{\"id\":\"x\",\"status\":\"succeeded\"}"), 401, "invalid_webhook_signature"),
				anonymous("webhook: a forged signature", json("POST", "/api/webhooks/replicate", "{\"id\":\"x\",\"status\":\"succeeded\"}")
					.withHeaders("webhook-id", "msg_1", "webhook-timestamp", "{now}", "webhook-signature", "v1,Zm9yZ2VkIHNpZ25hdHVyZQ=="), 401, "invalid_webhook_signature"),
				anonymous("webhook: signed an hour ago", json("POST", "/api/webhooks/replicate", "{\"id\":\"x\",\"status\":\"succeeded\"}").signed(-3600), 401, "invalid_webhook_signature"),
				anonymous("webhook: signed but not JSON", json("POST", "/api/webhooks/replicate", "{not json").signed(0), 400, "invalid_webhook_body"),
				anonymous("webhook: signed, a status Replicate never sends", json("POST", "/api/webhooks/replicate", "{\"id\":\"{bobVideo}\",\"status\":\"<script>\"}").signed(0), 400, "invalid_webhook_body"),

				// ---- anything else ----
				alice("an endpoint that does not exist", get("/api/does-not-exist"), 404, "not_found"),
				alice("a method an endpoint does not have", delete("/api/me"), 405, "method_not_allowed"));
	}

	@Order(1)
	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void isRefusedWithAProblemAndACode(BadRequest bad) {
		ApiClient client = bad.asAlice() ? alice : new ApiClient(port);

		ApiClient.Response response = client.send(bad.call().build(client, ids));

		assertThat(response.status()).as(response.toString()).isEqualTo(bad.status());
		assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
		assertThat(response.code()).as(response.toString()).isEqualTo(bad.code());
		assertThat(response.json().path("status").asInt()).isEqualTo(bad.status());
		assertThat(response.body()).as("no stack trace, no markup echoed back")
			.doesNotContain("Exception", "<script", "\tat ", "org.springframework");
		assertThat(response.body().length()).as("a short answer, whatever was sent").isLessThan(2000);
	}

	@Order(2)
	@Test
	void afterAllOfThemNothingChanged() {
		assertThat(badRequests().count()).isGreaterThanOrEqualTo(60);
		assertThat(badRequests().map(BadRequest::name).distinct().count()).isEqualTo(badRequests().count());

		Snapshot after = snapshot();

		assertThat(after.tables()).isEqualTo(before.tables());
		assertThat(after.media()).isEqualTo(before.media());
	}

	// ---- the table's vocabulary ----

	record BadRequest(String name, boolean asAlice, Call call, int status, String code) {

		@Override
		public String toString() {
			return name;
		}

	}

	static BadRequest alice(String name, Call call, int status, String code) {
		return new BadRequest(name, true, call, status, code);
	}

	static BadRequest anonymous(String name, Call call, int status, String code) {
		return new BadRequest(name, false, call, status, code);
	}

	/**
	 * One HTTP request, with placeholders. {@code signedAgo}: sign it as Replicate would, that
	 * many seconds from now ({@code null}: unsigned).
	 */
	record Call(String method, String path, String contentType, byte[] body, boolean csrf, List<String> headers,
			Long signedAgo) {

		Call withoutCsrf() {
			return new Call(method, path, contentType, body, false, headers, signedAgo);
		}

		Call withHeaders(String... namesAndValues) {
			return new Call(method, path, contentType, body, csrf, List.of(namesAndValues), signedAgo);
		}

		Call signed(long secondsFromNow) {
			return new Call(method, path, contentType, body, csrf, headers, secondsFromNow);
		}

		HttpRequest.Builder build(ApiClient client, Map<String, String> ids) {
			String filledPath = fill(path, ids);
			HttpRequest.Builder builder = csrf ? client.request(filledPath)
					: HttpRequest.newBuilder(URI.create(client.baseUrl() + filledPath));
			byte[] filledBody = body;
			if (contentType != null && !contentType.startsWith("multipart/form-data; boundary=" + MULTIPART_BOUNDARY)) {
				filledBody = fill(new String(body, StandardCharsets.UTF_8), ids).getBytes(StandardCharsets.UTF_8);
			}
			if (contentType != null) {
				builder.header("Content-Type", contentType);
			}
			for (int i = 0; i < headers.size(); i += 2) {
				builder.header(headers.get(i), fill(headers.get(i + 1), ids));
			}
			if (signedAgo != null) {
				long timestamp = Instant.now().getEpochSecond() + signedAgo;
				String webhookId = "msg_" + UUID.randomUUID();
				builder.header("webhook-id", webhookId)
					.header("webhook-timestamp", Long.toString(timestamp))
					.header("webhook-signature", FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, webhookId, timestamp,
							new String(filledBody, StandardCharsets.UTF_8)));
			}
			return builder.method(method, filledBody == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(filledBody));
		}

		private static String fill(String text, Map<String, String> ids) {
			String filled = text.replace("{now}", Long.toString(Instant.now().getEpochSecond()));
			for (Map.Entry<String, String> id : ids.entrySet()) {
				filled = filled.replace("{" + id.getKey() + "}", id.getValue());
			}
			return filled;
		}

	}

	private static final String MULTIPART_BOUNDARY = "----wanderframe-matrix";

	static Call get(String path) {
		return new Call("GET", path, null, null, true, List.of(), null);
	}

	static Call delete(String path) {
		return new Call("DELETE", path, null, null, true, List.of(), null);
	}

	static Call json(String method, String path, String body) {
		return raw(method, path, "application/json", body);
	}

	static Call raw(String method, String path, String contentType, String body) {
		return new Call(method, path, contentType, body.getBytes(StandardCharsets.UTF_8), true, List.of(), null);
	}

	static Call generate(String imageId, String prompt, String duration, String resolution) {
		return json("POST", "/api/video/generate", "{\"imageId\":%s,\"prompt\":%s,\"duration\":%s,\"resolution\":%s}"
			.formatted(imageId, prompt, duration, resolution));
	}

	static Call multipart(String field, String filename, String type, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + MULTIPART_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
				+ "\"; filename=\"" + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + MULTIPART_BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Call("POST", "/api/photos", "multipart/form-data; boundary=" + MULTIPART_BOUNDARY,
				body.toByteArray(), true, List.of(), null);
	}

	// ---- what "nothing changed" compares ----

	record Snapshot(Map<String, List<Map<String, Object>>> tables, Map<String, String> media) {
	}

	private Snapshot snapshot() {
		Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
		tables.put("users", rows("SELECT id, email, password_hash FROM users ORDER BY id"));
		tables.put("credit_accounts", rows("SELECT * FROM credit_accounts ORDER BY user_id"));
		tables.put("credit_ledger", rows("SELECT * FROM credit_ledger ORDER BY id"));
		tables.put("photos", rows("SELECT * FROM photos ORDER BY id"));
		tables.put("generated_images", rows("SELECT * FROM generated_images ORDER BY id"));
		tables.put("video_generations", rows("SELECT * FROM video_generations ORDER BY id"));
		tables.put("one-off jobs", rows(
				"SELECT task_name, task_instance FROM scheduled_tasks WHERE task_instance <> 'recurring' ORDER BY 1, 2"));
		return new Snapshot(tables, mediaFiles());
	}

	private List<Map<String, Object>> rows(String sql) {
		return jdbc.sql(sql).query().listOfRows().stream().map(row -> {
			Map<String, Object> copy = new LinkedHashMap<>();
			row.forEach((column, value) -> copy.put(column, value == null ? null : value.toString()));
			return copy;
		}).toList();
	}

	/** Every file under the media directory, with its SHA-256. */
	private Map<String, String> mediaFiles() {
		Path media = data.resolve("media");
		Map<String, String> files = new LinkedHashMap<>();
		if (!Files.exists(media)) {
			return files;
		}
		try (Stream<Path> walk = Files.walk(media)) {
			for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
				files.put(media.relativize(file).toString(),
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
			}
		}
		catch (IOException | java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		return files;
	}

	private String insertPendingVideo(UUID user, String imageId) {
		return jdbc.sql("""
				INSERT INTO video_generations (user_id, image_id, image_url, prompt, effective_prompt, model,
				    duration_seconds, resolution, cost)
				VALUES (?, ?, 'images/x.png', 'slow push in', 'slow push in', 'local', 6, '512p', 3)
				RETURNING id
				""").params(user, UUID.fromString(imageId)).query(String.class).single();
	}

	private static UUID userId(ApiClient client) {
		return UUID.fromString(client.get("/api/me").json().path("id").asString());
	}

	/** Files of the kinds the photo intake must refuse, made here so the table stays readable. */
	static final class TestFiles {

		static byte[] jpeg() {
			return Studio.selfieJpeg(64, 64);
		}

		static byte[] jpegHeaderThenZeros(int size) {
			byte[] bytes = new byte[size];
			bytes[0] = (byte) 0xff;
			bytes[1] = (byte) 0xd8;
			bytes[2] = (byte) 0xff;
			return bytes;
		}

		static byte[] pdf() {
			return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
				.getBytes(StandardCharsets.US_ASCII);
		}

		static byte[] gif() {
			return "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
		}

		/** A PNG header claiming 50,000 × 50,000 pixels, followed by almost nothing. */
		static byte[] pngBomb() {
			java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13);
			ihdr.putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			chunk(png, "IHDR", ihdr.array());
			chunk(png, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
			chunk(png, "IEND", new byte[0]);
			return png.toByteArray();
		}

		private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
			byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
			png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
			png.writeBytes(typeBytes);
			png.writeBytes(data);
			java.util.zip.CRC32 crc = new java.util.zip.CRC32();
			crc.update(typeBytes);
			crc.update(data);
			png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		}

	}

}
