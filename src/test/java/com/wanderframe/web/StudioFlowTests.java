package com.wanderframe.web;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The five steps as a person walks them, on the local generators. */
class StudioFlowTests extends BrowserTest {

	private Page openStudio(ApiClient client, Screen screen, String query) {
		Page page = signedIn(client, screen);
		page.navigate("/studio" + query);
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		return page;
	}

	private static Locator step(Page page, int n) {
		return page.locator("[data-step='" + n + "']");
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
	}

	private void picture(Page page, String name, Screen screen) {
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "studio-" + name + "-" + screen.name().toLowerCase());
	}

	private static com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions within(Duration duration) {
		return new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
			.setTimeout(duration.toMillis());
	}

	@ParameterizedTest(name = "on a {0}")
	@EnumSource(Screen.class)
	void allFiveStepsEndInAVideoThatPlaysSeeksAndDownloads(Screen screen) throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		Page page = openStudio(client, screen, "");
		assertThat(step(page, 1)).hasAttribute("data-state", "current");
		assertThat(step(page, 5)).hasAttribute("data-state", "locked");
		picture(page, "1-upload", screen);

		// 1: upload a real portrait, so the person is cut out, stands in the place, and the video
		// moves through the picture's depth layers
		page.setInputFiles("[data-file-input]", new FilePayload("astronaut.png", "image/png",
				java.nio.file.Files.readAllBytes(com.wanderframe.segmentation.TestPortraits.astronautFile())));
		assertThat(step(page, 2)).hasAttribute("data-state", "current");
		page.locator("[data-location]").first().waitFor();
		picture(page, "2-location", screen);

		// 2: a place
		String placeName = page.locator("[data-location] .location__name").first().textContent();
		page.locator("[data-location]").first().click();
		assertThat(step(page, 3)).hasAttribute("data-state", "current");
		assertThat(page.locator("[data-image-summary]")).containsText(placeName);
		picture(page, "3-image", screen);

		// 3: the image, its price on show before the click
		assertThat(page.locator("#image-cost")).hasText("Costs 1 credit.");
		button(page, "Generate image").click();
		assertThat(page.locator("[data-image-result]")).isVisible(
				new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
		assertThat(step(page, 3)).hasAttribute("data-state", "done");
		int afterImage = studio.credits();
		assertThat(afterImage).isLessThan(10);
		assertThat(page.locator("[data-credits]")).hasText(String.valueOf(afterImage));
		picture(page, "3-image-done", screen);

		// 4: the video, cost shown before the click
		button(page, "Make it move").click();
		assertThat(step(page, 4)).hasAttribute("data-state", "current");
		page.locator("[data-templates] .chip").first().click();
		assertThat(page.locator("[data-templates] .chip").first()).hasAttribute("aria-pressed", "true");
		page.getByLabel("Describe the motion").fill("Gentle push in toward the horizon");
		assertThat(page.locator("[data-prompt-counter]")).hasText("33 / 2000");
		page.getByLabel("6 seconds").check();
		page.getByLabel("512p").check();
		assertThat(page.locator("[data-video-cost]")).hasText("This video costs 3 credits. You have " + afterImage + " credits.");
		picture(page, "4-video", screen);
		button(page, "Generate video").click();
		assertThat(page.locator("[data-credits]")).hasText(String.valueOf(afterImage - 3));
		assertThat(page).hasURL(Pattern.compile("/studio\\?video="));

		// 5: done
		assertThat(step(page, 5)).hasAttribute("data-state", "done", within(Duration.ofSeconds(90)));
		assertThat(step(page, 4)).hasAttribute("data-state", "done");
		assertThat(page.locator("[data-credits]")).hasText(String.valueOf(afterImage - 3));
		assertThat(studio.credits()).isEqualTo(afterImage - 3);
		page.waitForFunction("() => document.querySelector('[data-player] video').readyState >= 1");
		picture(page, "5-done", screen);

		Locator player = page.locator("[data-player]");
		player.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Play").setExact(true)).click();
		await().atMost(Duration.ofSeconds(15)).until(() -> currentTime(page) > 0.5);
		Locator seek = player.getByRole(AriaRole.SLIDER, new Locator.GetByRoleOptions().setName("Seek"));
		var box = seek.boundingBox();
		page.mouse().click(box.x + box.width * 0.9, box.y + box.height / 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> currentTime(page) > 4.5);

		Download download = page.waitForDownload(() -> page.locator("[data-done-download]").click());
		byte[] mp4 = Files.readAllBytes(download.path());
		assertThat(mp4.length).isGreaterThan(10_000);
		assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
		assertThat(download.suggestedFilename()).endsWith(".mp4");

		// "Make another": same image, new motion
		button(page, "Make another (same image, new motion)").click();
		assertThat(step(page, 4)).hasAttribute("data-state", "current");
		assertThat(step(page, 3)).hasAttribute("data-state", "done");
		assertThat(page.getByLabel("Describe the motion")).hasValue("Gentle push in toward the horizon");
	}

	private static double currentTime(Page page) {
		return ((Number) page.evaluate("() => document.querySelector('[data-player] video').currentTime")).doubleValue();
	}

	@ParameterizedTest(name = "on a {0}")
	@EnumSource(Screen.class)
	void aFailedGenerationShowsWhyAndTheRefundedBalance(Screen screen) {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		int before = studio.credits();
		Page page = openStudio(client, screen, "?image=" + imageId);
		assertThat(step(page, 4)).hasAttribute("data-state", "current");

		page.getByLabel("Describe the motion").fill("Slow orbit [[fail]]");
		page.getByLabel("512p").check();
		button(page, "Generate video").click();

		assertThat(step(page, 4)).hasAttribute("data-state", "failed", within(Duration.ofSeconds(60)));
		String videoId = page.url().replaceAll(".*video=", "");
		String why = client.get("/api/video/" + videoId).json().path("error").path("message").asString();
		assertThat(why).isNotBlank();
		assertThat(page.locator("[data-video-error]")).hasText(why);
		assertThat(page.locator("[data-video-refund]")).containsText("refunded the 3 credits");
		assertThat(page.locator("[data-video-refund]")).containsText("Your balance is " + before + " credits");
		assertThat(page.locator("[data-credits]")).hasText(String.valueOf(before));
		picture(page, "4-failed", screen);

		button(page, "Try again").click();
		assertThat(step(page, 4)).hasAttribute("data-state", "current");
		assertThat(page.getByLabel("Describe the motion")).hasValue("Slow orbit [[fail]]");
	}

	@Test
	void theButtonSaysWhyWhenCreditsAreShort() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		// Spend most of what is left on a long video, so a default one is out of reach.
		client.post("/api/video/generate", "{\"imageId\":\"" + imageId + "\",\"prompt\":\"pan left\",\"duration\":10,"
				+ "\"resolution\":\"768p\"}");
		int left = studio.credits();
		Page page = openStudio(client, Screen.DESKTOP, "?image=" + imageId);

		page.getByLabel("Describe the motion").fill("Pan right");
		page.getByLabel("768p").check();

		assertThat(button(page, "Generate video")).isDisabled();
		assertThat(page.locator("[data-video-reason]"))
			.hasText("You need 5 credits for this video and have " + left + (left == 1 ? " credit" : " credits")
					+ ". Choose a shorter or smaller video.");
		expectNoSeriousAccessibilityViolations(page);
	}

	@Test
	void aReloadFollowsTheSameGenerationAndAnotherAccountCannotOpenIt() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		String videoId = client.post("/api/video/generate",
				"{\"imageId\":\"" + imageId + "\",\"template\":\"" + firstTemplate(client) + "\",\"resolution\":\"512p\"}")
			.json()
			.path("id")
			.asString();

		// No id in the URL: the studio finds the unfinished (or just finished) generation itself.
		// (Whichever it is by now: the local renderer may already be done.)
		Page page = openStudio(client, Screen.PHONE, "");
		assertThat(page).hasURL(Pattern.compile("/studio\\?video=" + videoId));
		assertThat(step(page, 5)).hasAttribute("data-state", "done", within(Duration.ofSeconds(90)));
		page.reload();
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(step(page, 5)).hasAttribute("data-state", "done");
		assertThat(page.locator("[data-player] video")).hasAttribute("src", "/api/video/" + videoId + "/video.mp4");

		ApiClient other = ApiClient.signedUp(port);
		Page stranger = signedIn(other, Screen.DESKTOP);
		com.microsoft.playwright.Response response = stranger.navigate("/api/video/" + videoId + "/video.mp4");
		assertThat(response.status()).isEqualTo(404);
		stranger.navigate("/studio?video=" + videoId);
		stranger.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(stranger.locator("[data-studio-error]")).isVisible();
		assertThat(step(stranger, 1)).hasAttribute("data-state", "current");

		// Having started over, the person is not sent back to the finished video.
		button(page, "Start over with a new photo").click();
		assertThat(step(page, 1)).hasAttribute("data-state", "current");
		page.navigate("/studio");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(step(page, 1)).hasAttribute("data-state", "current");
		assertThat(page).hasURL(url("/studio"));
	}

	private static String firstTemplate(ApiClient client) {
		return client.get("/api/video/templates").json().get(0).path("slug").asString();
	}

	@Test
	void goingBackToAnEarlierStepKeepsTheChoicesThatStillHold() {
		ApiClient client = ApiClient.signedUp(port);
		String imageId = new Studio(client).imageAtLocation();
		Page page = openStudio(client, Screen.DESKTOP, "?image=" + imageId);
		assertThat(step(page, 4)).hasAttribute("data-state", "current");
		String firstPlace = step(page, 2).locator("[data-summary-text]").textContent();

		button(page, "Change location").click();
		assertThat(step(page, 2)).hasAttribute("aria-current", "step");
		Locator other = page.locator("[data-location][aria-pressed='false']").first();
		String otherPlace = other.locator(".location__name").textContent();
		other.click();

		assertThat(step(page, 1)).hasAttribute("data-state", "done");
		assertThat(step(page, 2)).hasAttribute("data-state", "done");
		assertThat(step(page, 2).locator("[data-summary-text]")).hasText(otherPlace);
		assertThat(step(page, 3)).hasAttribute("data-state", "current");
		assertThat(step(page, 4)).hasAttribute("data-state", "locked");
		assertThat(page.locator("[data-image-summary]")).containsText(otherPlace);
		assertThat(page).hasURL(Pattern.compile("/studio\\?photo=.+&location=.+"));
		assertThat(otherPlace).isNotEqualTo(firstPlace);
	}

	@Test
	void theStudioWorksFromTheKeyboardAndShowsLiveStatus() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		studio.uploadSelfie();
		Page page = signedIn(client, Screen.DESKTOP);
		// Every status line the page shows, in order, as a person would have read them.
		page.addInitScript("""
				window.statusLog = [];
				new MutationObserver(() => {
					for (const el of document.querySelectorAll('[data-image-status], [data-video-status]')) {
						const text = el.textContent;
						if (text && window.statusLog[window.statusLog.length - 1] !== text) window.statusLog.push(text);
					}
				}).observe(document, { subtree: true, childList: true, characterData: true });
				""");
		java.util.List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
		page.onRequest(request -> requested.add(request.url()));
		page.navigate("/studio");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		page.setInputFiles("[data-file-input]", new FilePayload("me.jpg", "image/jpeg", Studio.selfieJpeg(640, 800)));
		assertThat(step(page, 2)).hasAttribute("data-state", "current");
		assertThat(page.locator("#step2-title")).isFocused();

		page.keyboard().press("Tab");
		assertThat(page.locator("[data-location]").first()).isFocused();
		page.keyboard().press("Enter");
		assertThat(step(page, 3)).hasAttribute("data-state", "current");
		button(page, "Generate image").focus();
		page.keyboard().press("Enter");
		assertThat(button(page, "Make it move")).isFocused(
				new com.microsoft.playwright.assertions.LocatorAssertions.IsFocusedOptions().setTimeout(60_000));
		page.keyboard().press("Enter");
		assertThat(page.locator("#step4-title")).isFocused();

		page.getByLabel("Describe the motion").focus();
		page.keyboard().type("Fast drone rise");
		page.keyboard().press("Tab");
		assertThat(page.locator("[data-templates] .chip").first()).isFocused();
		page.getByLabel("10 seconds").focus();
		page.keyboard().press("Space");
		assertThat(page.getByLabel("10 seconds")).isChecked();
		assertThat(page.getByLabel("1080p")).isDisabled();
		page.getByLabel("512p").focus();
		page.keyboard().press("Space");
		assertThat(page.locator("[data-video-cost]")).containsText("costs 5 credits");
		button(page, "Generate video").focus();
		page.keyboard().press("Enter");

		assertThat(step(page, 5)).hasAttribute("data-state", "done", within(Duration.ofSeconds(120)));
		assertThat(page.locator("#step5-title")).isFocused();
		@SuppressWarnings("unchecked")
		java.util.List<String> log = (java.util.List<String>) page.evaluate("() => window.statusLog");
		assertThat(log).anyMatch(line -> line.startsWith("Placing you at") || line.startsWith("Waiting for"));
		assertThat(log).anyMatch(line -> line.startsWith("Queued") || line.startsWith("Generating your video"));
		// The video's status came as Server-Sent Events, not by polling.
		String videoId = page.url().replaceAll(".*video=", "");
		assertThat(requested).contains(url("/api/video/" + videoId + "/events"));
		assertThat(requested).doesNotContain(url("/api/video/" + videoId));
		page.keyboard().press("Tab");
		assertThat(page.getByRole(AriaRole.SLIDER, new Page.GetByRoleOptions().setName("Seek"))).isFocused();
	}

}
