package com.wanderframe.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.wanderframe.ApiClient;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page a verification mail's link opens (mail sent to a real SMTP server, GreenMail), in all
 * three states a person meets: the button, the confirmation with the welcome credits, and the
 * link that no longer works. Each passes the same checks as the studio.
 */
@TestPropertySource(properties = "spring.mail.host=127.0.0.1")
class VerifyEmailPageTests extends BrowserTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static final Pattern LINK = Pattern.compile("http://\\S+(/verify-email\\?token=[A-Za-z0-9_-]+)");

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theLinksPageConfirmsTheAddressAndIsAccessibleInEveryState(Screen screen) {
		String email = ApiClient.uniqueEmail();
		ApiClient person = new ApiClient(port);
		assertThat(person.post("/api/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}")
			.status()).isEqualTo(201);
		String link = linkMailedTo(email);

		// Opened on another device, not signed in.
		Page page = visitor(screen);
		page.navigate(link);
		assertThat(page.getByRole(AriaRole.HEADING)).hasText("Confirm your email");
		expectNoHorizontalScroll(page);
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "verify-email-confirm-" + screen.name().toLowerCase());

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email")).click();
		assertThat(page.locator("[data-verified]")).containsText("10 welcome credits");
		expectNoHorizontalScroll(page);
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "verify-email-verified-" + screen.name().toLowerCase());
		assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(10);

		page.navigate(link);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email")).click();
		assertThat(page.locator("[data-invalid]")).isVisible();
		expectNoHorizontalScroll(page);
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "verify-email-invalid-" + screen.name().toLowerCase());
	}

	private static String linkMailedTo(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
			.anyMatch(message -> isTo(message, email)));
		MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> isTo(message, email))
			.findFirst()
			.orElseThrow();
		try {
			Matcher link = LINK.matcher(mail.getContent().toString());
			assertThat(link.find()).as("the mail carries a link").isTrue();
			return link.group(1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
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

}
