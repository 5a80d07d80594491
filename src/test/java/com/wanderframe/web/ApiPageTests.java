package com.wanderframe.web;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The API page: Swagger UI, served by the app from its webjar, renders the description under
 * the app's strict Content-Security-Policy (BrowserTest fails on any CSP refusal or script error).
 */
class ApiPageTests extends BrowserTest {

	@Test
	void theApiPageShowsTheDescribedEndpoints() {
		Page page = visitor(Screen.DESKTOP);
		// Swagger UI's bundle is large and this machine is shared: wait for the document, then for the UI.
		page.navigate("/swagger-ui.html", new Page.NavigateOptions()
			.setWaitUntil(com.microsoft.playwright.options.WaitUntilState.DOMCONTENTLOADED)
			.setTimeout(60_000));

		assertThat(page.locator(".swagger-ui .info .title")).containsText("Wanderframe API",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
		assertThat(page.locator(".opblock-summary-path[data-path='/api/video/generate']")).hasCount(1);
		assertThat(page.locator(".opblock-summary-path[data-path='/api/video/generate'] ~ .opblock-summary-description"))
			.containsText("Turn an image into a video (step 4)");
		screenshot(page, "api-page");
	}

}
