package com.wanderframe.web;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.wanderframe.ApiClient;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The player on its own, over a known six-second clip. */
class VideoPlayerTests extends BrowserTest {

	private Page playerPage(Screen screen) {
		Page page = signedIn(ApiClient.signedUp(port), screen);
		page.navigate("/fixtures/player");
		page.waitForFunction("() => document.querySelector('[data-player] video').readyState >= 1");
		return page;
	}

	private double currentTime(Page page) {
		return ((Number) page.evaluate("() => document.querySelector('[data-player] video').currentTime")).doubleValue();
	}

	private boolean paused(Page page) {
		return (Boolean) page.evaluate("() => document.querySelector('[data-player] video').paused");
	}

	private Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void playStartsTheVideoAndTimeAdvances() {
		Page page = playerPage(Screen.DESKTOP);
		assertThat(page.locator("[data-player] .player__time")).hasText("0:00 / 0:06");

		button(page, "Play").click();

		await().atMost(Duration.ofSeconds(10)).until(() -> currentTime(page) > 0.5);
		assertThat(button(page, "Pause")).isVisible();
		// What has been loaded shows on the bar behind what has been played.
		assertThat(page.locator("[data-player] .player__buffered").first()).isAttached();
		assertThat(page.locator("[data-player] .player__played")).not().hasAttribute("style",
				java.util.regex.Pattern.compile("width: 0%"));
		button(page, "Pause").click();
		await().atMost(Duration.ofSeconds(5)).until(() -> paused(page));
	}

	@Test
	void clickingAndDraggingTheProgressBarSeeks() {
		Page page = playerPage(Screen.DESKTOP);
		Locator seek = page.getByRole(AriaRole.SLIDER, new Page.GetByRoleOptions().setName("Seek"));
		var box = seek.boundingBox();

		page.mouse().click(box.x + box.width * 0.5, box.y + box.height / 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> Math.abs(currentTime(page) - 3.0) < 0.3);
		assertThat(Double.parseDouble(seek.getAttribute("aria-valuenow"))).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.3));
		assertThat(page.locator("[data-player] .player__time")).hasText(java.util.regex.Pattern.compile("0:0[23] / 0:06"));

		page.mouse().move(box.x + box.width * 0.5, box.y + box.height / 2);
		page.mouse().down();
		page.mouse().move(box.x + box.width * 0.8, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
		page.mouse().up();
		await().atMost(Duration.ofSeconds(5)).until(() -> Math.abs(currentTime(page) - 4.8) < 0.3);
	}

	@Test
	void theKeyboardAloneOperatesThePlayer() {
		Page page = playerPage(Screen.DESKTOP);
		Locator seek = page.getByRole(AriaRole.SLIDER, new Page.GetByRoleOptions().setName("Seek"));
		seek.focus();

		page.keyboard().press("End");
		await().atMost(Duration.ofSeconds(5)).until(() -> currentTime(page) > 5.5);
		page.keyboard().press("Home");
		await().atMost(Duration.ofSeconds(5)).until(() -> currentTime(page) < 0.1);
		page.keyboard().press("ArrowRight");
		page.keyboard().press("ArrowRight");
		await().atMost(Duration.ofSeconds(5)).until(() -> Math.abs(currentTime(page) - 2) < 0.2);
		page.keyboard().press("l");
		await().atMost(Duration.ofSeconds(5)).until(() -> currentTime(page) > 5.5);
		page.keyboard().press("j");
		await().atMost(Duration.ofSeconds(5)).until(() -> currentTime(page) < 1.5);

		page.keyboard().press("k");
		await().atMost(Duration.ofSeconds(5)).until(() -> !paused(page));
		page.keyboard().press(" ");
		await().atMost(Duration.ofSeconds(5)).until(() -> paused(page));

		page.keyboard().press("m");
		assertThat(button(page, "Unmute")).hasAttribute("aria-pressed", "true");
		page.keyboard().press("m");
		assertThat(button(page, "Mute")).hasAttribute("aria-pressed", "false");

		button(page, "Loop").focus();
		page.keyboard().press("Enter");
		assertThat(button(page, "Loop")).hasAttribute("aria-pressed", "true");
		assertThat((Boolean) page.evaluate("() => document.querySelector('[data-player] video').loop")).isTrue();

		page.keyboard().press("f");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> (Boolean) page.evaluate("() => document.fullscreenElement !== null"));
		assertThat(button(page, "Exit full screen")).isVisible();
		page.keyboard().press("f");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> (Boolean) page.evaluate("() => document.fullscreenElement === null"));
	}

	@Test
	void everyControlIsReachableByTabAndShowsItsFocus() {
		Page page = playerPage(Screen.DESKTOP);
		button(page, "Play").focus();
		assertThat(page.evaluate("() => document.activeElement.getAttribute('aria-label')")).isEqualTo("Play");
		java.util.List<String> names = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			page.keyboard().press("Tab");
			names.add((String) page.evaluate("() => document.activeElement.getAttribute('aria-label') || document.activeElement.outerHTML.substring(0, 80)"));
			String outline = (String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
			assertThat(outline).as("focus outline of " + names.get(i)).isNotEqualTo("none");
		}
		assertThat(names).containsExactly("Mute", "Volume", "Loop", "Download video", "Full screen");
	}

	@Test
	void onADesktopTheVolumeSliderSetsTheVolumeAndZeroMutes() {
		Page page = playerPage(Screen.DESKTOP);
		Locator volume = page.getByRole(AriaRole.SLIDER, new Page.GetByRoleOptions().setName("Volume"));

		volume.fill("0.5");
		assertThat(((Number) page.evaluate("() => document.querySelector('[data-player] video').volume")).doubleValue())
			.isEqualTo(0.5);
		volume.fill("0");
		assertThat(button(page, "Unmute")).isVisible();
	}

	@Test
	void onAPhoneATapPlaysAndATapOnTheBarSeeks() {
		Page page = playerPage(Screen.PHONE);
		expectNoHorizontalScroll(page);

		button(page, "Play").tap();
		await().atMost(Duration.ofSeconds(10)).until(() -> currentTime(page) > 0.3);
		Locator seek = page.getByRole(AriaRole.SLIDER, new Page.GetByRoleOptions().setName("Seek"));
		var box = seek.boundingBox();
		page.touchscreen().tap(box.x + box.width * 0.25, box.y + box.height / 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> Math.abs(currentTime(page) - 1.5) < 0.6);
		screenshot(page, "player-phone");
	}

	@Test
	void thePosterShowsWhileLoadingAndThePlayerIsAccessible() {
		Page page = playerPage(Screen.DESKTOP);
		assertThat(page.locator("[data-player] video")).hasAttribute("poster", "/fixtures/poster.jpg");
		assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Video player: Test clip"))).isVisible();
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "player-desktop");
	}

	@Test
	void aVideoThatCannotLoadSaysSo() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.PHONE);
		page.navigate("/fixtures/player?src=/fixtures/missing.mp4");

		assertThat(page.locator("[data-player] .player__failure")).hasText(
				"This video could not be loaded. Reload the page to try again.");
	}

}
