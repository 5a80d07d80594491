package com.wanderframe.web;

import java.time.Duration;

import com.microsoft.playwright.Page;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.admin.Operator;
import com.wanderframe.generation.ModelCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The operators' dashboard in a real browser: its charts and tables pass the same checks as the
 * studio on a phone and a desktop, and granting credits from the page shows in the balance.
 */
class AdminPageTests extends BrowserTest {

	@ParameterizedTest(name = "/admin on {0}")
	@EnumSource(Screen.class)
	void theDashboardIsAccessibleAndFitsTheScreen(Screen screen) {
		someoneGenerated();
		Page page = signedIn(Operator.signedIn(port), screen);
		page.navigate("/admin");

		assertThat(page.locator("article.model[data-model='" + ModelCatalogue.LOCAL_MOTION + "'] svg")).hasCount(2);
		assertThat(page.locator("[data-failed] tbody tr").first()).containsText("generation_failed");
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		page.locator("article.model[data-model='" + ModelCatalogue.LOCAL_MOTION + "'] summary").click();
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "admin-" + screen.name().toLowerCase());
	}

	@Test
	void anOperatorGrantsCreditsFromThePage() {
		ApiClient person = ApiClient.signedUp(port);
		String id = person.get("/api/me").json().path("id").asString();
		String email = person.get("/api/me").json().path("email").asString();
		Page page = signedIn(Operator.signedIn(port), Screen.DESKTOP);
		page.navigate("/admin?search=" + email);

		var row = page.locator("[data-person='" + id + "']");
		row.getByLabel("Credits", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill("7");
		row.getByLabel("Reason").fill("Make-good for a failed render");
		row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();

		assertThat(page.locator(".notice")).containsText("Granted 7 credits to " + email);
		assertThat(page.locator("[data-person='" + id + "'] [data-balance-amount]")).hasText("17");
		expectNoSeriousAccessibilityViolations(page);
		org.assertj.core.api.Assertions.assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(17);
	}

	@Test
	void aPersonWhoIsNoOperatorSeesTheNotFoundPage() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.DESKTOP);
		page.navigate("/admin");

		assertThat(page.locator("h1")).not().containsText("Operations");
		expectNoSeriousAccessibilityViolations(page);
	}

	private void someoneGenerated() {
		ApiClient person = ApiClient.signedUp(port);
		Studio studio = new Studio(person);
		String imageId = studio.imageAtLocation();
		String failed = person.post("/api/video/generate", """
				{"imageId":"%s","prompt":"drone rise [[fail]]","duration":6,"resolution":"512p"}
				""".formatted(imageId)).json().path("id").asString();
		String made = person.post("/api/video/generate", """
				{"imageId":"%s","prompt":"gentle pan right","duration":6,"resolution":"512p"}
				""".formatted(imageId)).json().path("id").asString();
		studio.awaitTerminal("/api/video/" + failed, Duration.ofMinutes(2));
		studio.awaitTerminal("/api/video/" + made, Duration.ofMinutes(2));
	}

}
