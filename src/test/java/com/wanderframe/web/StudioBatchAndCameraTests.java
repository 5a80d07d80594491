package com.wanderframe.web;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Step 4's "try several motions at once" and "direct the camera yourself", on the local renderer. */
class StudioBatchAndCameraTests extends BrowserTest {

	private Page openOnImage(ApiClient client, Screen screen, String imageId) {
		Page page = signedIn(client, screen);
		page.navigate("/studio?image=" + imageId);
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		return page;
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
	}

	@ParameterizedTest(name = "on a {0}")
	@EnumSource(Screen.class)
	void severalMotionsAtOnceShowTheirTotalPriceAndPlaySideBySide(Screen screen) {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		int balance = studio.credits();
		Page page = openOnImage(client, screen, imageId);
		assertThat(page.locator("[data-step='4']")).hasAttribute("data-state", "current");

		page.getByLabel("6 seconds").check();
		page.getByLabel("512p").check();
		page.locator("[data-batch-box] > summary").click();
		Locator chips = page.locator("[data-batch-templates] .chip");
		assertThat(button(page, "Generate these videos")).isDisabled();
		chips.nth(0).click();
		chips.nth(1).click();
		assertThat(chips.nth(1)).hasAttribute("aria-pressed", "true");
		assertThat(page.locator("[data-batch-cost]"))
			.hasText("2 videos, 6 credits in all. You have " + balance + " credits.");
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "studio-batch-form-" + screen.name().toLowerCase());

		button(page, "Generate 2 videos").click();

		assertThat(page.locator("[data-credits]")).hasText(String.valueOf(balance - 6));
		Locator results = page.locator("[data-batch-grid] > li");
		assertThat(results).hasCount(2);
		assertThat(results.nth(0)).hasAttribute("data-status", "completed",
				new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
		assertThat(results.nth(1)).hasAttribute("data-status", "completed",
				new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
		assertThat(page.locator("[data-batch-grid] video")).hasCount(2);
		page.waitForFunction("() => [...document.querySelectorAll('[data-batch-grid] video')].every((v) => v.readyState >= 1)");
		assertThat(page.locator("[data-batch-status]")).hasText("All 2 videos have finished.");
		assertThat(studio.credits()).isEqualTo(balance - 6);
		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "studio-batch-results-" + screen.name().toLowerCase());
	}

	@Test
	void aCameraDrawnOnThePictureIsPreviewedThenMadeExactlyAsDrawn() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		Page page = openOnImage(client, Screen.DESKTOP, imageId);

		page.getByLabel("512p").check();
		page.locator("[data-camera-box] > summary").click();
		Locator stage = page.locator("[data-camera-stage]");
		stage.locator("img").waitFor();
		page.waitForFunction("() => document.querySelector('[data-camera-image]').naturalWidth > 0");
		var box = stage.boundingBox();
		drag(page, box.x + box.width * 0.05, box.y + box.height * 0.05, box.x + box.width * 0.55, box.y + box.height * 0.5);
		assertThat(page.locator("[data-camera-from]")).isVisible();
		page.getByLabel("Draw the end frame").check();
		drag(page, box.x + box.width * 0.45, box.y + box.height * 0.45, box.x + box.width * 0.9, box.y + box.height * 0.9);
		assertThat(page.locator("[data-camera-to]")).isVisible();
		page.getByLabel("Easing").selectOption("linear");

		button(page, "Preview the path").click();
		assertThat(page.locator("[data-camera-outline]")).isVisible();
		assertThat(stage).hasAttribute("data-previewed", "", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
		page.getByLabel("Use this camera path").check();
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "studio-camera-desktop");
		assertThat(page.locator("[data-video-cost]")).containsText("This video costs 3 credits.");
		button(page, "Generate video").click();

		assertThat(page.locator("[data-step='5']")).hasAttribute("data-state", "done",
				new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
		String videoId = page.url().replaceAll(".*video=", "");
		JsonNode video = client.get("/api/video/" + videoId).json();
		JsonNode camera = video.path("camera");
		assertThat(camera.path("easing").asString()).isEqualTo("linear");
		// the frames are where they were drawn: from 5 % across, half as wide as the picture, to 45 % across
		double width = ((Number) page.evaluate("() => document.querySelector('[data-camera-image]').naturalWidth"))
			.doubleValue();
		assertThat(camera.path("from").path("x").asDouble() / width).isBetween(0.03, 0.07);
		assertThat(camera.path("from").path("w").asDouble() / width).isBetween(0.45, 0.55);
		assertThat(camera.path("to").path("x").asDouble() / width).isBetween(0.43, 0.47);
		assertThat(video.path("status").asString()).isEqualTo("completed");
	}

	private static void drag(Page page, double fromX, double fromY, double toX, double toY) {
		page.mouse().move(fromX, fromY);
		page.mouse().down();
		page.mouse().move((fromX + toX) / 2, (fromY + toY) / 2);
		page.mouse().move(toX, toY);
		page.mouse().up();
	}

}
