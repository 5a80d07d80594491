package com.wanderframe.web;

import java.time.Duration;

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

/** A share link, opened by someone with no account and no session, plays in the player. */
class SharePageTests extends BrowserTest {

	@ParameterizedTest(name = "on a {0}")
	@EnumSource(Screen.class)
	void aShareLinkPlaysForAVisitorWithNoSessionUntilItIsRevoked(Screen screen) {
		ApiClient owner = ApiClient.signedUp(port);
		Studio studio = new Studio(owner);
		String imageId = studio.imageAtLocation();
		ApiClient.Response started = owner.post("/api/video/generate",
				"{\"imageId\":\"" + imageId + "\",\"prompt\":\"gentle pan right\",\"duration\":6,\"resolution\":\"512p\"}");
		String video = started.json().path("id").asString();
		studio.awaitTerminal("/api/video/" + video, Duration.ofMinutes(2));
		String url = owner.post("/api/video/" + video + "/share", "").json().path("url").asString();

		Page page = visitor(screen);
		page.navigate(url);
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(page.locator("meta[property='og:video']")).hasAttribute("content", url + "/video.mp4");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play").setExact(true)).click();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> ((Number) page.evaluate("() => document.querySelector('[data-player] video').currentTime"))
				.doubleValue() > 0.3);
		assertThat(page.context().cookies().stream().noneMatch(cookie -> cookie.name.equals("SESSION"))).isTrue();
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "share-" + screen.name().toLowerCase());

		owner.delete("/api/video/" + video + "/share");
		page.reload();
		assertThat(page.locator("h1")).hasText("Nothing here");
		Object status = page.evaluate("async (src) => (await fetch(src)).status", url + "/video.mp4");
		assertThat(((Number) status).intValue()).isEqualTo(404);
	}

}
