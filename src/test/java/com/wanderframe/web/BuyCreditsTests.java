package com.wanderframe.web;

import java.net.URI;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.wanderframe.ApiClient;
import com.wanderframe.billing.FakeStripe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A person buys a pack end to end, with the fake Stripe's hosted page standing in for Stripe's. */
class BuyCreditsTests extends BrowserTest {

	static final FakeStripe stripe = new FakeStripe();

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		stripe.register(registry);
	}

	@AfterAll
	static void stopStripe() {
		stripe.close();
	}

	@BeforeEach
	void pointStripeHere() {
		stripe.reset();
		stripe.webhookTarget(URI.create(url("/api/webhooks/stripe")));
	}

	@Test
	void aPersonBuysAPackAndSeesTheHeadersBalanceRiseOnceTheCreditsAreIn() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.DESKTOP);
		page.navigate("/studio");
		assertThat(page.locator("a[data-balance]")).containsText("buy more");
		page.locator("a[data-balance]").click();
		page.waitForURL("**/credits");
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "credits-desktop");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy 50 credits")).click();
		page.waitForURL(stripe.baseUrl() + "/pay/**");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay")).click();

		page.waitForURL("**/credits/return?purchase=*");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Payment received, credits added")))
			.isVisible();
		assertThat(page.locator("[data-credits]")).hasText("60");
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "credits-paid-desktop");
	}

	@Test
	void thePacksFitAPhone() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.PHONE);
		page.navigate("/credits");

		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy 120 credits"))).isVisible();
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "credits-phone");
	}

}
