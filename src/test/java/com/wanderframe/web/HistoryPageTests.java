package com.wanderframe.web;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** History: what a person made, newest first, with status, poster and the player. */
class HistoryPageTests extends BrowserTest {

	@ParameterizedTest(name = "on a {0}")
	@EnumSource(Screen.class)
	void videosAndImagesAreListedNewestFirstAndPlayInThePlayer(Screen screen) {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		String first = generate(client, imageId, "Slow pan left <b>over</b> the rooftops");
		studio.awaitTerminal("/api/video/" + first, Duration.ofSeconds(90));
		String failed = generate(client, imageId, "Orbit [[fail]]");
		studio.awaitTerminal("/api/video/" + failed, Duration.ofSeconds(90));

		Page page = signedIn(client, screen);
		page.navigate("/history");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));

		Locator videos = page.locator("[data-videos] > li");
		assertThat(videos).hasCount(2);
		assertThat(videos.nth(0)).hasAttribute("data-video", failed);
		assertThat(videos.nth(0).locator(".badge")).hasText("Failed");
		assertThat(videos.nth(1)).hasAttribute("data-video", first);
		assertThat(videos.nth(1).locator(".badge")).hasText("Ready");
		// A person's words are shown as text, never as markup.
		assertThat(videos.nth(1)).containsText("Slow pan left <b>over</b> the rooftops");
		assertThat(videos.nth(1).locator("img.item__media")).hasAttribute("src", "/api/video/" + first + "/poster.jpg");
		assertThat(page.locator("[data-images] > li")).hasCount(1);
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "history-" + screen.name().toLowerCase());

		videos.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Play video")).click();
		Locator player = page.locator("[data-viewer] [data-player]");
		player.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Play").setExact(true)).click();
		await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) page
			.evaluate("() => document.querySelector('[data-viewer] video').currentTime")).doubleValue() > 0.3);
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "history-playing-" + screen.name().toLowerCase());

		// Deleting asks once, inline, and then the video is gone for good.
		videos.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete video")).click();
		videos.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep it")).click();
		assertThat(videos).hasCount(2);
		videos.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete video")).click();
		videos.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete for good")).click();
		assertThat(videos).hasCount(1);
		assertThat(videos.nth(0)).hasAttribute("data-video", first);
		assertThat(client.get("/api/video/" + failed).status()).isEqualTo(404);
	}

	private static String generate(ApiClient client, String imageId, String prompt) {
		ApiClient.Response started = client.post("/api/video/generate", "{\"imageId\":\"" + imageId + "\",\"prompt\":\""
				+ prompt + "\",\"duration\":6,\"resolution\":\"512p\"}");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().path("id").asString();
	}

}
