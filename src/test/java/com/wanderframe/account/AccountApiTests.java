package com.wanderframe.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import com.wanderframe.ApiClient;
import com.wanderframe.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccountApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signUpSignsInAndGrantsTheWelcomeCredits() {
		ApiClient client = new ApiClient(port);
		String email = ApiClient.uniqueEmail();

		Response signUp = client.post("/api/auth/signup", json(email, "correct horse"));

		assertThat(signUp.status()).isEqualTo(201);
		assertThat(signUp.json().path("email").asString()).isEqualTo(email);
		assertThat(signUp.json().path("credits").asInt()).isEqualTo(10);
		assertThat(signUp.body()).doesNotContain("password");
		Response me = client.get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("id").asString()).isEqualTo(signUp.json().path("id").asString());
		assertThat(me.json().path("credits").asInt()).isEqualTo(10);
	}

	@Test
	void aTakenEmailIsRefusedWhateverItsCase() {
		String email = ApiClient.uniqueEmail();
		new ApiClient(port).post("/api/auth/signup", json(email, "correct horse"));

		Response again = new ApiClient(port).post("/api/auth/signup", json(email.toUpperCase(), "another horse entirely"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(again.code()).isEqualTo("email_taken");
	}

	@Test
	void anInvalidEmailOrShortPasswordIsRefused() {
		ApiClient client = new ApiClient(port);

		Response badEmail = client.post("/api/auth/signup", json("not-an-email", "correct horse"));
		Response shortPassword = client.post("/api/auth/signup", json(ApiClient.uniqueEmail(), "seven77"));
		Response malformed = client.post("/api/auth/signup", "{not json");

		assertThat(badEmail.status()).isEqualTo(400);
		assertThat(badEmail.code()).isEqualTo("invalid_email");
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.code()).isEqualTo("invalid_password");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("malformed_request");
		assertThat(client.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void signInAcceptsTheRightPasswordOnly() {
		String email = ApiClient.uniqueEmail();
		new ApiClient(port).post("/api/auth/signup", json(email, "correct horse"));

		Response wrongPassword = new ApiClient(port).post("/api/auth/signin", json(email, "wrong horse"));
		Response unknownEmail = new ApiClient(port).post("/api/auth/signin", json(ApiClient.uniqueEmail(), "wrong horse"));
		ApiClient client = new ApiClient(port);
		Response right = client.post("/api/auth/signin", json(email, "correct horse"));

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.code()).isEqualTo("invalid_credentials");
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(unknownEmail.json().path("detail")).isEqualTo(wrongPassword.json().path("detail"));
		assertThat(right.status()).isEqualTo(200);
		assertThat(right.json().path("email").asString()).isEqualTo(email);
		assertThat(client.get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void signOutEndsTheSessionOnTheServerNotJustInTheBrowser() {
		ApiClient client = ApiClient.signedUp(port);
		String session = client.sessionCookie();
		assertThat(session).isNotNull();
		assertThat(withSessionCookie(session).status()).as("the cookie works before sign-out").isEqualTo(200);

		Response signOut = client.post("/api/auth/signout", "");

		assertThat(signOut.status()).isEqualTo(204);
		assertThat(client.get("/api/me").status()).isEqualTo(401);
		// Someone who copied the cookie before sign-out (another tab, a stolen copy) replays it.
		Response replayed = withSessionCookie(session);
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.code()).isEqualTo("unauthenticated");
	}

	/** {@code GET /api/me} from a fresh client that sends only the given session cookie. */
	private Response withSessionCookie(String session) {
		return new ApiClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
			.header("Cookie", "SESSION=" + session)
			.GET());
	}

	@Test
	void signInIssuesAFreshSessionId() {
		String email = ApiClient.uniqueEmail();
		ApiClient client = new ApiClient(port);
		client.post("/api/auth/signup", json(email, "correct horse"));
		String first = client.sessionCookie();

		client.post("/api/auth/signin", json(email, "correct horse"));

		assertThat(client.sessionCookie()).isNotNull().isNotEqualTo(first);
	}

	@Test
	void stateChangingRequestsWithoutTheCsrfTokenAreRefused() {
		var request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/auth/signup"))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(ApiClient.uniqueEmail(), "correct horse")));

		Response response = new ApiClient(port).send(request);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("csrf_token_invalid");
		assertThat(response.header("Set-Cookie")).contains("XSRF-TOKEN=");
	}

	@Test
	void apiErrorsAreProblemDetailsNeverHtml() {
		Response unknown = ApiClient.signedUp(port).get("/api/does-not-exist");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(unknown.code()).isNotBlank();
		assertThat(unknown.body()).doesNotContain("<html", "Exception");
	}

	@Test
	void signingInAsSomeoneElseWhileSignedInSwitchesToThem() {
		String other = ApiClient.uniqueEmail();
		new ApiClient(port).post("/api/auth/signup", json(other, "correct horse"));
		ApiClient client = ApiClient.signedUp(port);

		Response signIn = client.post("/api/auth/signin", json(other, "correct horse"));

		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.json().path("email").asString()).isEqualTo(other);
		assertThat(client.get("/api/me").json().path("email").asString()).isEqualTo(other);
	}

	@Test
	void signingUpWhileSignedInSignsInTheNewAccount() {
		ApiClient client = ApiClient.signedUp(port);
		String email = ApiClient.uniqueEmail();

		Response signUp = client.post("/api/auth/signup", json(email, "correct horse"));

		assertThat(signUp.status()).isEqualTo(201);
		assertThat(signUp.json().path("email").asString()).isEqualTo(email);
		assertThat(client.get("/api/me").json().path("email").asString()).isEqualTo(email);
	}

	@Test
	void commonAndGuessablePasswordsAreRefusedWithAReason() {
		String email = ApiClient.uniqueEmail();

		for (String weak : List.of("password", "12345678", "qwertyuiop", "iloveyou1", email)) {
			Response refused = new ApiClient(port).post("/api/auth/signup", json(email, weak));

			assertThat(refused.status()).as(weak).isEqualTo(400);
			assertThat(refused.code()).as(weak).isEqualTo("weak_password");
			assertThat(refused.json().path("detail").asString()).as(weak).startsWith("This password is too easy to guess.");
		}
		assertThat(new ApiClient(port).post("/api/auth/signin", json(email, "password")).status()).isEqualTo(401);
		assertThat(new ApiClient(port).post("/api/auth/signup", json(email, "correct horse")).status()).isEqualTo(201);
	}

	@Test
	void signInRefusesPasswordsLongerThanSignUpAccepts() {
		String email = ApiClient.uniqueEmail();
		String longest = "Tk7#pq9v-Wm2zLr8xYc4-Hs6nBd3fQj5-Gv1tPk0wE9y-Zu7aRm3cXs8-Nh2qLf6dVp4"; // 68 bytes
		assertThat(new ApiClient(port).post("/api/auth/signup", json(email, longest + "abcd")).status()).isEqualTo(201);

		// bcrypt would read only the first 72 bytes: anything after them must not "match"
		Response tooLong = new ApiClient(port).post("/api/auth/signin", json(email, longest + "abcd" + "EXTRA"));
		Response signUpTooLong = new ApiClient(port).post("/api/auth/signup",
				json(ApiClient.uniqueEmail(), longest + "abcd" + "EXTRA"));

		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.code()).isEqualTo("invalid_password").isEqualTo(signUpTooLong.code());
		assertThat(signUpTooLong.status()).isEqualTo(400);
		assertThat(new ApiClient(port).post("/api/auth/signin", json(email, longest + "abcd")).status()).isEqualTo(200);
	}

	@Test
	void signOutEverywhereEndsEverySessionOfThePersonOnly() {
		String email = ApiClient.uniqueEmail();
		ApiClient laptop = new ApiClient(port);
		laptop.post("/api/auth/signup", json(email, "correct horse"));
		ApiClient phone = new ApiClient(port);
		phone.post("/api/auth/signin", json(email, "correct horse"));
		ApiClient someoneElse = ApiClient.signedUp(port);
		assertThat(phone.get("/api/me").status()).isEqualTo(200);

		Response signOutAll = laptop.post("/api/auth/signout-all", "");

		assertThat(signOutAll.status()).isEqualTo(204);
		assertThat(laptop.get("/api/me").status()).isEqualTo(401);
		assertThat(phone.get("/api/me").status()).isEqualTo(401);
		assertThat(someoneElse.get("/api/me").status()).isEqualTo(200);
		assertThat(new ApiClient(port).post("/api/auth/signin", json(email, "correct horse")).status()).isEqualTo(200);
	}

	@Test
	void signOutEverywhereNeedsASignedInPerson() {
		Response anonymous = new ApiClient(port).post("/api/auth/signout-all", "");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.code()).isEqualTo("unauthenticated");
	}

	@Test
	void aSessionEndsAfterAWeekUnused() {
		ApiClient client = ApiClient.signedUp(port);
		String id = client.get("/api/me").json().path("id").asString();

		Integer idleSeconds = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
			.param(id)
			.query(Integer.class)
			.single();

		assertThat(idleSeconds).isEqualTo(7 * 24 * 3600);
	}

	/**
	 * Use keeps a session alive, but a person reading page after page does not rewrite their
	 * session row on every request: its last use is recorded to the minute.
	 */
	@Test
	void useKeepsTheSessionAliveWithoutRewritingItOnEveryRead() {
		ApiClient client = ApiClient.signedUp(port);
		String id = client.get("/api/me").json().path("id").asString();
		String rowVersion = sessionRow(id, "xmin::text", String.class);

		for (int i = 0; i < 5; i++) {
			assertThat(client.get("/api/me").status()).isEqualTo(200);
		}
		assertThat(sessionRow(id, "xmin::text", String.class)).as("reads within a minute write nothing")
			.isEqualTo(rowVersion);

		// Two minutes on: the recorded last use is moved back, as the clock would have moved on.
		jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 120000, "
				+ "expiry_time = expiry_time - 120000 WHERE principal_name = ?").param(id).update();
		long stale = sessionRow(id, "last_access_time", Long.class);
		assertThat(client.get("/api/me").status()).isEqualTo(200);

		long used = sessionRow(id, "last_access_time", Long.class);
		assertThat(used - stale).as("the use is recorded").isGreaterThanOrEqualTo(120_000);
		assertThat(sessionRow(id, "expiry_time", Long.class)).as("and the idle timeout counts from it")
			.isEqualTo(used + 7L * 24 * 3600 * 1000);
	}

	private <T> T sessionRow(String principal, String column, Class<T> type) {
		return jdbc.sql("SELECT " + column + " FROM spring_session WHERE principal_name = ?")
			.param(principal)
			.query(type)
			.single();
	}

	private static String json(String email, String password) {
		return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
	}

	@Test
	void behindAnHttpsProxyTheSessionAndCsrfCookiesAreSecure() throws Exception {
		List<String> cookies = signUpCookies("https");

		assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").containsIgnoringCase("; Secure"));
		assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("; Secure"));
	}

	@Test
	void overPlainHttpOnLocalhostTheCookiesStillWork() throws Exception {
		List<String> cookies = signUpCookies(null);

		assertThat(cookies).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN=") || cookie.startsWith("SESSION="))
			.hasSize(2)
			.allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
	}

	/**
	 * Signs up the way a browser would, through a proxy that says the request came as
	 * {@code forwardedProto} (none: straight to the app), and returns every Set-Cookie it got.
	 */
	private List<String> signUpCookies(String forwardedProto) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest.Builder first = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"));
		if (forwardedProto != null) {
			first.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> me = http.send(first.build(), HttpResponse.BodyHandlers.ofString());
		String csrfCookie = me.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow();
		String token = csrfCookie.substring("XSRF-TOKEN=".length(), csrfCookie.indexOf(';'));
		HttpRequest.Builder signUp = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/signup"))
			.header("Content-Type", "application/json")
			.header("Cookie", "XSRF-TOKEN=" + token)
			.header("X-XSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofString(json(ApiClient.uniqueEmail(), "correct horse")));
		if (forwardedProto != null) {
			signUp.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> created = http.send(signUp.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		return Stream
			.concat(me.headers().allValues("Set-Cookie").stream(), created.headers().allValues("Set-Cookie").stream())
			.toList();
	}

}
