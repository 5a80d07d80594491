package com.wanderframe.web;

import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Step 4 while the video is being made, on Replicate's model (a fake Replicate that keeps the
 * prediction running until the test lets it finish): the progress bar moves, a reload keeps
 * following the same generation, and the finished video arrives without another click.
 */
class LiveProgressTests extends BrowserTest {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-video", () -> "replicate");
		registry.add("wanderframe.models.default-image", () -> "local");
		registry.add("wanderframe.video.first-poll", () -> "100ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "400ms");
	}

	@Test
	void progressIsLiveAndSurvivesAReload() throws Exception {
		replicate.reset();
		replicate.onModel("minimax/hailuo-02")
			.respondWith(Scenario.succeedsAfterPolls(150, Files.readAllBytes(TestClips.mp4()), "video/mp4"));
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		Page page = signedIn(client, Screen.DESKTOP);
		page.navigate("/studio?image=" + imageId);
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));

		page.getByLabel("Describe the motion").fill("Gentle camera pan to the right, subtle wind movement");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate video")).click();

		assertThat(page.locator("[data-video-status]")).containsText(Pattern.compile("Generating your video… [1-9]\\d*%"));
		assertThat(page.locator("[data-step='4']")).hasAttribute("data-state", "current");
		double first = progress(page);
		await().atMost(Duration.ofSeconds(30)).until(() -> progress(page) > first);
		screenshot(page, "studio-4-progress-desktop");
		page.setViewportSize(Screen.PHONE.width, Screen.PHONE.height);
		expectNoHorizontalScroll(page);
		screenshot(page, "studio-4-progress-phone");
		expectNoSeriousAccessibilityViolations(page);

		page.reload();
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(page).hasURL(Pattern.compile("/studio\\?video="));
		assertThat(page.locator("[data-video-status]")).containsText("Generating your video");
		assertThat(page.locator("[data-video-form]")).isHidden();

		String prediction = replicate.createdPredictions().get(0).id();
		replicate.finish(prediction);

		assertThat(page.locator("[data-step='5']")).hasAttribute("data-state", "done",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
		page.waitForFunction("() => document.querySelector('[data-player] video').readyState >= 1");
		assertThat(((Number) page.evaluate("() => document.querySelector('[data-player] video').duration")).doubleValue())
			.isGreaterThan(5.5);
	}

	private static double progress(Page page) {
		return ((Number) page.evaluate("() => document.querySelector('[data-video-progress]').value")).doubleValue();
	}

}
