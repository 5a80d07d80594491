package com.wanderframe.web;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The history page as a gallery: the person's numbers, search and filters, grid or list, bulk delete, sharing. */
class HistoryGalleryTests extends BrowserTest {

	@Test
	void searchFilterSwitchLayoutShareAndDeleteSeveralAtOnce() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		String rooftops = generate(client, imageId, "Slow pan over the rooftops");
		studio.awaitTerminal("/api/video/" + rooftops, Duration.ofMinutes(2));
		String failed = generate(client, imageId, "Orbit [[fail]]");
		studio.awaitTerminal("/api/video/" + failed, Duration.ofMinutes(2));

		Page page = signedIn(client, Screen.DESKTOP);
		page.navigate("/history");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));

		assertThat(page.locator("[data-figure=videos] dd")).hasText("2");
		assertThat(page.locator("[data-figure=success] dd")).hasText("50 %");
		assertThat(page.locator("[data-numbers-models] tbody tr")).hasCount(1);
		Locator videos = page.locator("[data-videos] > li");
		assertThat(videos).hasCount(2);
		// Each card says which model, how long, what it cost and how long it took.
		assertThat(videos.nth(1).locator(".item__meta").first()).containsText("6 s");
		assertThat(videos.nth(1).locator(".item__meta").first()).containsText("credits");
		assertThat(videos.nth(1).locator(".item__meta").first()).containsText("made in");

		page.getByLabel("Search prompts").fill("rooftops");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
		assertThat(videos).hasCount(1);
		assertThat(videos.nth(0)).hasAttribute("data-video", rooftops);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear").setExact(true)).click();
		assertThat(videos).hasCount(2);
		page.getByLabel("Status").selectOption("failed");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
		assertThat(videos).hasCount(1);
		assertThat(videos.nth(0)).hasAttribute("data-video", failed);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear").setExact(true)).click();
		assertThat(videos).hasCount(2);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("List").setExact(true)).click();
		assertThat(page.locator("[data-videos]")).hasAttribute("data-layout", "list");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("List").setExact(true)))
			.hasAttribute("aria-pressed", "true");

		videos.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Share video")).click();
		Locator link = videos.nth(1).getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Public link"));
		assertThat(link).hasValue(java.util.regex.Pattern.compile("/s/[A-Za-z0-9_-]{43}$"));
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "history-gallery-list");

		videos.nth(0).getByRole(AriaRole.CHECKBOX).check();
		videos.nth(1).getByRole(AriaRole.CHECKBOX).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete selected (2)")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete them for good")).click();
		assertThat(videos).hasCount(0);
		assertThat(client.get("/api/video/" + rooftops).status()).isEqualTo(404);
		assertThat(client.get("/api/video/" + failed).status()).isEqualTo(404);
	}

	private static String generate(ApiClient client, String imageId, String prompt) {
		ApiClient.Response started = client.post("/api/video/generate", "{\"imageId\":\"" + imageId + "\",\"prompt\":\""
				+ prompt + "\",\"duration\":6,\"resolution\":\"512p\"}");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().path("id").asString();
	}

}
