package com.wanderframe.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.wanderframe.ApiClient;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class AuthPagesTests extends BrowserTest {

	@Test
	void aVisitorSignsUpAndSeesTheWelcomeCreditsInTheHeader() {
		Page page = visitor(Screen.DESKTOP);
		page.navigate("/");
		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Start with 10 free credits")).click();
		String email = ApiClient.uniqueEmail();

		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill("correct horse");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up"))
			.click();

		page.waitForURL("**/studio");
		assertThat(page.locator("[data-credits]")).hasText("10");
		assertThat(page.locator(".account__email")).hasText(email);
	}

	@Test
	void signUpMistakesAreShownBesideTheirField() {
		String taken = ApiClient.uniqueEmail();
		ApiClient.signedUp(port);
		new ApiClient(port).post("/api/auth/signup", "{\"email\":\"" + taken + "\",\"password\":\"correct horse\"}");
		Page page = visitor(Screen.PHONE);
		page.navigate("/signup");

		page.getByLabel("Email").fill("not an email");
		page.getByLabel("Password").fill("short");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#email-error")).containsText("like name@example.com");
		assertThat(page.locator("#password-error")).containsText("at least 8 characters");
		assertThat(page.getByLabel("Email")).hasAttribute("aria-invalid", "true");

		page.getByLabel("Email").fill(taken.toUpperCase());
		page.getByLabel("Password").fill("correct horse");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#email-error")).not().isEmpty();
		assertThat(page.locator("#password-error")).isEmpty();
		assertThat(page).hasURL(url("/signup"));
	}

	@Test
	void aWrongPasswordIsRefusedInWordsAndTheRightOneSignsIn() {
		String email = ApiClient.uniqueEmail();
		new ApiClient(port).post("/api/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
		Page page = visitor(Screen.DESKTOP);
		page.navigate("/signin");

		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill("wrong horse");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#password-error")).hasText("That email and password do not match an account.");

		page.getByLabel("Password").fill("correct horse");
		page.locator("button[type=submit]").click();
		page.waitForURL("**/studio");
		assertThat(page.locator("[data-credits]")).hasText("10");
	}

	@Test
	void signingOutReturnsToTheLandingPageAndLocksTheStudio() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.PHONE);
		page.navigate("/studio");
		assertThat(page.locator("[data-credits]")).hasText("10");

		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
			.click();
		page.waitForURL(url("/"));
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
				new Page.GetByRoleOptions().setLevel(1))).containsText("Put yourself anywhere");

		page.navigate("/studio");
		page.waitForURL("**/signin");
	}

	@Test
	void aSignedInPersonGoingToTheLandingPageLandsInTheStudio() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.DESKTOP);
		page.navigate("/");
		page.waitForURL("**/studio");
		page.navigate("/signin");
		page.waitForURL("**/studio");
	}

	@Test
	void pagesAreServedWithAStrictContentSecurityPolicy() {
		Page page = visitor(Screen.DESKTOP);
		Response response = page.navigate("/signin");

		String csp = response.headerValue("content-security-policy");
		assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");
	}

	@Test
	void anAddressWithNothingBehindItIsAPageForBrowsersAndAProblemForScripts() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.PHONE);
		Response response = page.navigate("/no-such-page");

		assertThat(response.status()).isEqualTo(404);
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
				new Page.GetByRoleOptions().setLevel(1))).hasText("Nothing here");
		assertThat(page.locator("[data-credits]")).hasText("10");
		expectNoSeriousAccessibilityViolations(page);

		ApiClient.Response api = ApiClient.signedUp(port).get("/api/no-such-thing");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.code()).isEqualTo("not_found");
	}

}
