package com.wanderframe.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.wanderframe.ApiClient;
import com.wanderframe.ApiClient.Response;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With mail configured, the welcome credits wait for the emailed link. A real SMTP server
 * (GreenMail) receives the mail; the test follows its link like a person.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.mail.host=127.0.0.1")
class EmailVerificationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static final Pattern LINK = Pattern.compile("(http://\\S+/verify-email\\?token=([A-Za-z0-9_-]+))");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWelcomeCreditsArriveWithTheLinkAndOnlyOnce() throws Exception {
		ApiClient person = new ApiClient(port);
		String email = ApiClient.uniqueEmail();

		Response signUp = person.post("/api/auth/signup", json(email));

		assertThat(signUp.status()).isEqualTo(201);
		assertThat(signUp.json().path("credits").asInt()).isZero();
		assertThat(signUp.json().path("awaitingVerification").asBoolean()).isTrue();
		String link = linkMailedTo(email).group(1);

		// the link opened on another device, not signed in; opening it alone changes nothing
		ApiClient phone = new ApiClient(port);
		Response page = phone.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Confirm my email");
		assertThat(person.get("/api/me").json().path("credits").asInt()).isZero();

		Response confirmed = submit(phone, page);
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Your email is confirmed", "10 welcome credits");
		Response me = person.get("/api/me");
		assertThat(me.json().path("credits").asInt()).isEqualTo(10);
		assertThat(me.json().path("awaitingVerification").asBoolean()).isFalse();

		Response again = submit(phone, phone.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()));
		assertThat(again.body()).contains("This link does not work any more");
		assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(10);
		assertThat(welcomeGrants(email)).isEqualTo(1);
	}

	@Test
	void anExpiredOrTamperedLinkGivesNothing() throws Exception {
		ApiClient person = new ApiClient(port);
		String email = ApiClient.uniqueEmail();
		person.post("/api/auth/signup", json(email));
		String token = linkMailedTo(email).group(2);
		String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

		Response tamperedAnswer = person.post("/api/auth/verify", "{\"token\":\"" + tampered + "\"}");
		jdbc.sql("UPDATE email_verifications SET expires_at = now() - interval '1 second' "
				+ "WHERE user_id = (SELECT id FROM users WHERE email = ?)").param(email).update();
		Response expiredAnswer = person.post("/api/auth/verify", "{\"token\":\"" + token + "\"}");

		assertThat(tamperedAnswer.status()).isEqualTo(400);
		assertThat(tamperedAnswer.code()).isEqualTo("invalid_verification_link");
		assertThat(expiredAnswer.status()).isEqualTo(400);
		assertThat(expiredAnswer.code()).isEqualTo("invalid_verification_link");
		assertThat(person.get("/api/me").json().path("credits").asInt()).isZero();
		assertThat(welcomeGrants(email)).isZero();
	}

	@Test
	void aPersonWhoseLinkExpiredCanAskForAnotherAndItWorks() throws Exception {
		ApiClient person = new ApiClient(port);
		String email = ApiClient.uniqueEmail();
		person.post("/api/auth/signup", json(email));
		linkMailedTo(email);
		jdbc.sql("UPDATE email_verifications SET expires_at = now() - interval '1 second', "
				+ "created_at = now() - interval '1 hour' WHERE user_id = (SELECT id FROM users WHERE email = ?)")
			.param(email)
			.update();

		Response resend = person.post("/api/auth/verification", "");
		Response tooSoon = person.post("/api/auth/verification", "");

		assertThat(resend.status()).isEqualTo(202);
		assertThat(tooSoon.status()).isEqualTo(429);
		assertThat(tooSoon.code()).isEqualTo("verification_sent_recently");
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email) == 2);
		String newest = LINK.matcher(newestMailTo(email)).results().findFirst().orElseThrow().group(2);
		Response verified = person.post("/api/auth/verify", "{\"token\":\"" + newest + "\"}");
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().path("credits").asInt()).isEqualTo(10);
	}

	private Response submit(ApiClient client, Response page) {
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
		Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]*)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&token="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/verify-email"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private Matcher linkMailedTo(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email) > 0);
		Matcher link = LINK.matcher(newestMailTo(email));
		assertThat(link.find()).as("the mail carries a link").isTrue();
		return link;
	}

	private static long mailsTo(String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> isTo(message, email)).count();
	}

	private static String newestMailTo(String email) {
		MimeMessage[] all = smtp.getReceivedMessages();
		for (int i = all.length - 1; i >= 0; i--) {
			if (isTo(all[i], email)) {
				try {
					return all[i].getContent().toString();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalStateException("no mail to " + email);
	}

	private static boolean isTo(MimeMessage message, String email) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch(address -> address.toString().equalsIgnoreCase(email));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long welcomeGrants(String email) {
		UUID id = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(UUID.class).single();
		return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE user_id = ? AND kind = 'grant'")
			.param(id)
			.query(Long.class)
			.single();
	}

	private static String json(String email) {
		return "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}";
	}

}
