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
		page.navigate("/swagger-ui.html");

		assertThat(page.locator(".swagger-ui .info .title")).containsText("Wanderframe API");
		assertThat(page.locator(".opblock-summary-path[data-path='/api/video/generate']")).hasCount(1);
		assertThat(page.locator(".opblock-summary-description").first()).not().isEmpty();
		screenshot(page, "api-page");
	}

}
