package com.wanderframe.account;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.wanderframe.ApiClient;
import com.wanderframe.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The limits that keep scripts from minting accounts and guessing passwords, with small numbers.
 * Clients are told apart by the address a trusted proxy forwards ({@code X-Forwarded-For}): the
 * default, Tomcat's own handling that believes it from loopback only (as from the one proxy in
 * front), so each test uses addresses of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wanderframe.rate-limit.signups-per-address-per-hour=3",
				"wanderframe.rate-limit.signups-per-network-per-hour=5",
				"wanderframe.rate-limit.sign-in-failures-per-account-per-hour=8",
				"wanderframe.rate-limit.sign-in-failures-per-address-per-hour=12",
				"wanderframe.rate-limit.sign-in-failures-per-network-per-hour=40",
				"wanderframe.rate-limit.sign-in-burst-window=5s", "wanderframe.session.max-lifetime=4s" })
class AccountLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signUpsAreCountedPerAddressAndPerNetwork() {
		List<Integer> first = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			first.add(signUp("203.0.113.10", ApiClient.uniqueEmail()).status());
		}
		String refusedEmail = ApiClient.uniqueEmail();
		Response fourth = signUp("203.0.113.10", refusedEmail);
		Response neighbour = signUp("203.0.113.11", ApiClient.uniqueEmail());
		Response neighbourAgain = signUp("203.0.113.12", ApiClient.uniqueEmail());
		Response networkFull = signUp("203.0.113.13", ApiClient.uniqueEmail());
		Response elsewhere = signUp("198.51.100.7", ApiClient.uniqueEmail());

		assertThat(first).containsOnly(201);
		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.code()).isEqualTo("too_many_signups");
		assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(fourth.header("Content-Type")).startsWith("application/problem+json");
		assertThat(neighbour.status()).isEqualTo(201);
		assertThat(neighbourAgain.status()).isEqualTo(201);
		assertThat(networkFull.status()).isEqualTo(429);
		assertThat(networkFull.code()).isEqualTo("too_many_signups");
		assertThat(elsewhere.status()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?").param(refusedEmail).query(Long.class).single())
			.isZero();
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64() {
		List<Integer> statuses = new ArrayList<>();
		for (String address : List.of("2001:db8:aa:1::1", "2001:db8:aa:1::2", "2001:db8:aa:1:ffff:ffff:ffff:ffff",
				"2001:db8:aa:1:1234::9")) {
			statuses.add(signUp(address, ApiClient.uniqueEmail()).status());
		}
		Response otherSubscriber = signUp("2001:db8:aa:2::1", ApiClient.uniqueEmail());

		assertThat(statuses).containsExactly(201, 201, 201, 429);
		assertThat(otherSubscriber.status()).isEqualTo(201);
	}

	@Test
	void wrongPasswordsAreSlowedDownAndTheRightOneWorksOnceTheDelayHasPassed() {
		String email = ApiClient.uniqueEmail();
		assertThat(signUp("192.0.2.1", email).status()).isEqualTo(201);
		String attacker = "192.0.2.66";

		Response first = signIn(attacker, email, "wrong horse");
		Response second = signIn(attacker, email, "wrong horse");
		Response third = signIn(attacker, email, "wrong horse");
		Response rightButTooSoon = signIn(attacker, email, "correct horse");

		assertThat(first.status()).isEqualTo(401);
		assertThat(second.status()).isEqualTo(401);
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.code()).isEqualTo("too_many_sign_in_attempts");
		assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 5L);
		// refused before the password is checked: the answer says nothing about it
		assertThat(rightButTooSoon.status()).isEqualTo(429);
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> signIn(attacker, email, "correct horse").status() == 200);
	}

	@Test
	void theDelaysGrowButAGuesserElsewhereCannotLockThePersonOut() {
		String email = ApiClient.uniqueEmail();
		String home = "198.18.0.1";
		assertThat(signUp(home, email).status()).isEqualTo(201);
		String attacker = "198.18.7.7";
		List<Integer> wrongAnswers = new ArrayList<>();

		// Guess on until the wait is longer than a minute: the quick quarter, then the spread-out
		// rest of the hour's budget.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
			Response guess = signIn(attacker, email, "wrong horse");
			if (guess.status() == 401) {
				wrongAnswers.add(401);
				return false;
			}
			assertThat(guess.status()).isEqualTo(429);
			return Long.parseLong(guess.header("Retry-After")) > 60;
		});
		Response fromHome = signIn(home, email, "correct horse");
		Response fromANewPlace = signIn("198.19.5.5", email, "correct horse");

		assertThat(wrongAnswers).hasSize(8);
		assertThat(fromHome.status()).isEqualTo(200);
		assertThat(fromHome.json().path("email").asString()).isEqualTo(email);
		// somewhere the person never signed in from waits out the account's delay
		assertThat(fromANewPlace.status()).isEqualTo(429);
	}

	@Test
	void oneAddressGuessingAcrossManyAccountsIsSlowedToo() {
		String stuffer = "192.0.2.200";
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses.add(signIn(stuffer, ApiClient.uniqueEmail(), "correct horse").status());
		}

		assertThat(statuses).containsExactly(401, 401, 401, 429);
	}

	@Test
	void guessesSpreadOverOneNetworksAddressesAreSlowedButNotThoseOfSomeoneWhoSignedInThereBefore() {
		String email = ApiClient.uniqueEmail();
		String home = "192.0.4.250";
		assertThat(signUp(home, email).status()).isEqualTo(201);
		assertThat(signIn(home, email, "correct horse").status()).isEqualTo(200);
		// One wrong password from each neighbour: no address comes near its own limit, but together
		// they use up the network's hour (40), so the wait grows past the quick window's.
		int[] host = { 0 };
		List<Integer> statuses = new ArrayList<>();
		await().atMost(Duration.ofSeconds(90)).until(() -> {
			assertThat(host[0]).isLessThan(60);
			// a refused attempt is not counted, so only a counted one moves on to the next neighbour
			Response guess = signIn("192.0.4." + (host[0] + 1), ApiClient.uniqueEmail(), "correct horse");
			if (guess.status() == 401) {
				host[0]++;
			}
			statuses.add(guess.status());
			return guess.status() == 429 && Long.parseLong(guess.header("Retry-After")) > 10;
		});
		Response anotherNeighbour = signIn("192.0.4.77", email, "correct horse");
		Response fromHome = signIn(home, email, "correct horse");
		Response nextNetwork = signIn("192.0.5.1", email, "correct horse");

		assertThat(statuses.subList(0, 10)).containsOnly(401);
		assertThat(host[0]).isGreaterThanOrEqualTo(40);
		assertThat(anotherNeighbour.status()).isEqualTo(429);
		assertThat(anotherNeighbour.code()).isEqualTo("too_many_sign_in_attempts");
		assertThat(anotherNeighbour.header("Retry-After")).isNotNull();
		assertThat(fromHome.status()).isEqualTo(200);
		assertThat(nextNetwork.status()).isEqualTo(200);
	}

	@Test
	void aSessionEndsAFixedTimeAfterSignInHoweverBusy() {
		ApiClient client = new ApiClient(port);
		assertThat(send(client, "100.64.0.1", "/api/auth/signup", json(ApiClient.uniqueEmail(), "correct horse")).status())
			.isEqualTo(201);
		assertThat(client.get("/api/me").status()).isEqualTo(200);

		// every poll uses the session, so it never idles: only the absolute lifetime can end it
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> client.get("/api/me").status() == 401);
		assertThat(client.get("/api/me").code()).isEqualTo("unauthenticated");
	}

	private Response signUp(String address, String email) {
		return send(new ApiClient(port), address, "/api/auth/signup", json(email, "correct horse"));
	}

	private Response signIn(String address, String email, String password) {
		return send(new ApiClient(port), address, "/api/auth/signin", json(email, password));
	}

	private static Response send(ApiClient client, String address, String path, String json) {
		return client.send(client.request(path)
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private static String json(String email, String password) {
		return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
	}

}
