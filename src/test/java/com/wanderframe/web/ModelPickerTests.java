package com.wanderframe.web;

import java.time.Duration;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.wanderframe.video.TestVideos;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing the model in the studio, with Replicate configured (a fake that enforces each
 * model's schema): the pickers show what each model can do and costs, the price shown is the
 * price charged, and a video with sound plays with its sound.
 */
class ModelPickerTests extends BrowserTest {

	@org.springframework.beans.factory.annotation.Autowired
	com.wanderframe.credits.Credits credits;

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-video", () -> "replicate");
		registry.add("wanderframe.models.default-image", () -> "local");
		registry.add("wanderframe.video.first-poll", () -> "100ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "400ms");
	}

	private Page studioFor(ApiClient client, String query) {
		Page page = signedIn(client, Screen.DESKTOP);
		page.navigate("/studio" + query);
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		return page;
	}

	@Test
	void aVideoWithSoundCostsWhatTheStudioShowsAndPlaysWithItsSound() {
		replicate.reset();
		replicate.onModel("google/veo-3-fast").respondWith(Scenario.succeedsAfterPolls(2, TestVideos.mp4WithSound(), "video/mp4"));
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		// The dearest combination costs more than the sign-up grant.
		credits.grant(java.util.UUID.fromString(client.get("/api/me").json().path("id").asString()), 40, "Test credits");
		Page page = studioFor(client, "?image=" + imageId);

		assertThat(page.locator("[data-video-models] [data-model]")).hasCount(6);
		assertThat(page.locator(".model:has([data-model='google/veo-3-fast']) .model__meta")).containsText("sound");
		page.locator("[data-model='google/veo-3-fast']").click();
		assertThat(page.getByLabel("8 seconds")).isChecked();
		assertThat(page.getByLabel("Add sound")).isVisible();
		assertThat(page.getByLabel("What to avoid")).isVisible();
		assertThat(page.getByLabel("Let the model refine my description")).isHidden();
		int silent = price(client, "google/veo-3-fast", "8s-720p");
		int withSound = price(client, "google/veo-3-fast", "8s-720p-audio");
		int balance = studio.credits();
		assertThat(page.locator("[data-video-cost]")).hasText("This video costs " + silent + " credits. You have " + balance + " credits.");
		page.getByLabel("Add sound").check();
		assertThat(page.locator("[data-video-cost]")).hasText("This video costs " + withSound + " credits. You have " + balance + " credits.");
		page.getByLabel("Describe the motion").fill("Waves roll in, gulls call");
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "studio-4-models-desktop");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate video")).click();

		assertThat(page.locator("[data-step='5']")).hasAttribute("data-state", "done",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
		assertThat(studio.credits()).isEqualTo(balance - withSound);
		assertThat(page.locator("[data-credits]")).hasText(String.valueOf(balance - withSound));
		assertThat(replicate.createdPredictions().get(0).input().path("generate_audio").asBoolean()).isTrue();
		Page player = page;
		player.locator("[data-player]")
			.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Play").setExact(true))
			.click();
		player.waitForFunction("() => { const v = document.querySelector('[data-player] video');"
				+ " return v.currentTime > 0.3 && v.webkitAudioDecodedByteCount > 0; }");
	}

	@Test
	void anEndFrameIsPickedFromThePersonsImagesAndTheOptionsFollowTheModel() {
		replicate.reset();
		replicate.onModel("kwaivgi/kling-v2.1").respondWith(Scenario.succeeds(TestVideos.mp4WithSound(), "video/mp4"));
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String endImage = imageAt(client, studio, 1);
		String imageId = studio.imageAtLocation();
		Page page = studioFor(client, "?image=" + imageId);

		page.locator("[data-model='kwaivgi/kling-v2.1']").click();
		assertThat(page.getByLabel("End frame", new Page.GetByLabelOptions().setExact(true))).isVisible();
		assertThat(page.getByLabel("Add sound")).isHidden();
		page.getByLabel("720p").check();
		page.getByLabel("End frame", new Page.GetByLabelOptions().setExact(true)).selectOption(endImage);
		assertThat(page.getByLabel("720p")).isDisabled();
		assertThat(page.getByLabel("1080p")).isChecked();
		int shown = price(client, "kwaivgi/kling-v2.1", "5s-1080p");
		assertThat(page.locator("[data-video-cost]")).containsText("costs " + shown + " credits");
		page.getByLabel("What to avoid").fill("blur");
		page.getByLabel("Describe the motion").fill("Slow push in");
		int before = studio.credits();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate video")).click();

		assertThat(page.locator("[data-step='5']")).hasAttribute("data-state", "done",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
		assertThat(studio.credits()).isEqualTo(before - shown);
		JsonNode input = replicate.createdPredictions().get(0).input();
		assertThat(input.path("mode").asString()).isEqualTo("pro");
		assertThat(input.path("end_image").asString()).isNotBlank().isNotEqualTo(input.path("start_image").asString());
		assertThat(input.path("negative_prompt").asString()).isEqualTo("blur");
	}

	@Test
	void theImageModelIsPickedInStep3AndItsPriceIsCharged() {
		replicate.reset();
		replicate.onModel("google/nano-banana").respondWith(Scenario.succeeds(Studio.selfieJpeg(1344, 768), "image/jpeg"));
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String photo = studio.uploadSelfie();
		Page page = studioFor(client, "?photo=" + photo + "&location=" + studio.firstLocation());

		assertThat(page.locator("[data-image-models] [data-model]")).hasCount(4);
		page.locator("[data-model='google/nano-banana']").click();
		int shown = price(client, "google/nano-banana", "image");
		assertThat(page.locator("#image-cost")).hasText("Costs " + shown + " credits.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate image")).click();

		assertThat(page.locator("[data-image-result]")).isVisible(
				new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
		assertThat(studio.credits()).isEqualTo(10 - shown);
		assertThat(replicate.createdPredictions().get(0).model()).isEqualTo("google/nano-banana");
	}

	@Test
	void theWordsOnlyTheLocalRendererUnderstandsAreListedOnlyWhileItIsChosen() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		Page page = studioFor(client, "?image=" + studio.imageAtLocation());
		com.microsoft.playwright.Locator words = page.locator("#prompt-local-words");

		// Replicate's model is the default here
		assertThat(words).isHidden();
		page.locator("[data-model='local/motion']").click();
		assertThat(words).isVisible();
		assertThat(words).containsText("wind, still, rain, snow and fog");
		assertThat(words).containsText("loop");
		page.locator("[data-model='minimax/hailuo-02']").click();
		assertThat(words).isHidden();
		assertThat(page.locator("#prompt-hint")).isVisible();
		page.locator("[data-model='local/motion']").click();
		assertThat(words).isVisible();
	}

	/** A finished image at the {@code n}-th location, so it differs from the first one's. */
	private static String imageAt(ApiClient client, Studio studio, int n) {
		String location = client.get("/api/locations").json().get(n).path("slug").asString();
		String id = client.post("/api/images", "{\"photoId\":\"%s\",\"location\":\"%s\"}".formatted(studio.uploadSelfie(), location))
			.json()
			.path("id")
			.asString();
		assertThat(studio.awaitTerminal("/api/images/" + id, Duration.ofMinutes(1)).path("status").asString()).isEqualTo("completed");
		return id;
	}

	private static int price(ApiClient client, String model, String key) {
		for (JsonNode entry : client.get("/api/models").json()) {
			if (entry.path("id").asString().equals(model)) {
				return entry.path("costs").path(key).asInt();
			}
		}
		throw new AssertionError("not offered: " + model);
	}

}
