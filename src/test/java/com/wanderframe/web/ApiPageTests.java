package com.wanderframe.web;

import com.microsoft.playwright.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The API page: the OpenAPI description rendered by the app as headings and tables, under the
 * app's strict Content-Security-Policy (BrowserTest fails on any CSP refusal or script error),
 * passing the same axe checks as the studio on every screen, readable without horizontal scroll.
 */
class ApiPageTests extends BrowserTest {

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theApiPageShowsTheDescribedEndpointsAndIsAccessible(Screen screen) {
		Page page = visitor(screen);
		// The description is built on its first request, which a busy shared machine makes slow.
		page.navigate("/docs/api", new Page.NavigateOptions().setTimeout(60_000));

		assertThat(page.locator("h1")).hasText("Wanderframe API");
		com.microsoft.playwright.Locator generate = page.locator("article.api-op",
				new Page.LocatorOptions().setHas(page.locator("h3", new Page.LocatorOptions().setHasText("/api/video/generate"))));
		assertThat(generate).hasCount(1);
		assertThat(generate.locator(".api-op__summary")).containsText("Turn an image into a video (step 4)");
		// The problem codes a caller must handle are in the responses table, e.g. running out of credits.
		assertThat(generate.locator("table", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Responses"))
			.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("402")))
			.containsText("insufficient_credits");
		// The contents lead to each endpoint, and its body to the schema it names.
		page.locator(".api-contents a", new Page.LocatorOptions().setHasText("/api/video/generate")).first().click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("#op-post-api-video-generate$"));
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		// The visible part only: the whole page is long, and a full-page capture is slow on a busy machine.
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(SCREENSHOTS.resolve("api-page-" + screen.name().toLowerCase(java.util.Locale.ROOT) + ".png"))
			.setTimeout(60_000));
	}

}
