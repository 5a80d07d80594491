package com.wanderframe.web;

import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history's "Regenerate", "Tweak" and "Continue this video", and reopening a continued video,
 * as the person sees them. Replicate is configured (a fake), so the studio offers several models
 * and a prefilled model is a choice the page really made; the videos are the local renderer's.
 */
class HistoryAgainTests extends BrowserTest {

	static final FakeReplicate replicate = FakeReplicate.shared();

	static final LocatorAssertions.HasAttributeOptions A_RENDER = new LocatorAssertions.HasAttributeOptions()
		.setTimeout(120_000);

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-video", () -> "replicate");
		registry.add("wanderframe.models.default-image", () -> "local");
	}

	@Test
	void regenerateStartsTheSameVideoAgainAndItCompletes() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String original = finished(client, studio, studio.imageAtLocation(), "Slow pan over the harbour", "push-in");
		Page page = history(client);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Regenerate: Slow pan over the harbour"))
			.click();

		page.waitForURL(Pattern.compile(".*/studio\\?video=(?!" + original + ")[0-9a-f-]{36}$"));
		assertThat(page.locator("[data-step='5']")).hasAttribute("data-state", "done", A_RENDER);
		assertThat(page.locator("[data-step='5'] video")).isVisible();
		String again = page.url().replaceAll(".*video=", "");
		JsonNode before = client.get("/api/video/" + original).json();
		JsonNode after = client.get("/api/video/" + again).json();
		assertThat(after.path("status").asString()).isEqualTo("completed");
		for (String setting : new String[] { "imageId", "prompt", "template", "model", "duration", "resolution" }) {
			assertThat(after.path(setting)).as(setting).isEqualTo(before.path(setting));
		}
		Page list = history(client);
		assertThat(list.locator("[data-videos] > li")).hasCount(2);
		assertThat(list.locator("[data-videos] > li").first()).hasAttribute("data-video", again);
	}

	@Test
	void tweakOpensStepFourWithTheVideosPromptTemplateAndModel() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		finished(client, studio, imageId, "Drift toward the old lighthouse", "push-in");
		Page page = history(client);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tweak the settings: Drift toward the old lighthouse"))
			.click();

		assertThat(page.locator("[data-step='4']")).hasAttribute("data-state", "current");
		assertThat(page.getByLabel("Describe the motion")).hasValue("Drift toward the old lighthouse");
		assertThat(page.locator("[data-templates] [data-template='push-in']")).hasAttribute("aria-pressed", "true");
		assertThat(page.locator("[data-templates] [aria-pressed='true']")).hasCount(1);
		// Not the deployment's default model (Hailuo here): the one the video was made with.
		assertThat(page.locator("[data-video-models] [data-model]")).hasCount(6);
		assertThat(page.locator("[data-video-models] [data-model='local/motion'] input")).isChecked();
		assertThat(page.getByLabel("6 seconds")).isChecked();
		assertThat(page.getByLabel("512p")).isChecked();
		assertThat(page.locator("[data-video-image]")).hasAttribute("src", "/api/images/" + imageId + "/content");
		expectNoSeriousAccessibilityViolations(page);
	}

	@Test
	void continuingAVideoStartsFromItsLastFrameTheHistoryShowsTheChainAndReopeningShowsThatFrame() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		String first = finished(client, studio, imageId, "Slow pan over the rooftops", null);
		Page page = history(client);

		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Continue this video from its last frame: Slow pan over the rooftops"))
			.click();

		assertThat(page.locator("[data-step='4']")).hasAttribute("data-state", "current");
		assertThat(page.locator("[data-continue-note]")).isVisible();
		assertThat(page.getByLabel("Describe the motion")).hasValue("Slow pan over the rooftops");
		page.getByLabel("Describe the motion").fill("Keep panning, then push in");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate video")).click();
		assertThat(page.locator("[data-step='5']")).hasAttribute("data-state", "done", A_RENDER);
		String continued = page.url().replaceAll(".*video=", "");
		JsonNode video = client.get("/api/video/" + continued).json();
		assertThat(video.path("fromVideoId").asString()).isEqualTo(first);
		assertThat(video.path("prompt").asString()).isEqualTo("Keep panning, then push in");
		// Its first frame is a still of the earlier video's end, not the step-3 image both began with.
		String frame = video.path("imageId").asString();
		assertThat(frame).isNotEqualTo(imageId);
		assertThat(client.get("/api/photos/" + frame).status()).isEqualTo(200);

		Page list = history(client);
		Locator card = list.locator("[data-video='" + continued + "']");
		assertThat(card.locator("[data-chain]")).hasText("Continues an earlier video from its last frame.");
		assertThat(card.locator("[data-chain]")).hasAttribute("data-chain", first);
		assertThat(list.locator("[data-videos] > li")).hasCount(2);

		// Reopening the continued video shows the picture it really started from at step 3 and 4.
		Page reopened = signedIn(client, Screen.DESKTOP);
		reopened.navigate("/studio?video=" + continued);
		reopened.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(reopened.locator("[data-step='5']")).hasAttribute("data-state", "done");
		String still = "/api/photos/" + frame + "/content";
		assertThat(reopened.locator("[data-step='3'] [data-summary-image]")).hasAttribute("src", still);
		assertThat(reopened.locator("[data-image-result]")).hasAttribute("src", still);
		assertThat(reopened.locator("[data-video-image]")).hasAttribute("src", still);
		reopened.waitForFunction("() => { const i = document.querySelector('[data-image-result]');"
				+ " return i.complete && i.naturalWidth > 0; }");
		assertThat(((Number) reopened.evaluate("() => document.querySelector('[data-image-result]').naturalWidth"))
			.intValue()).isEqualTo(client.get("/api/photos/" + frame).json().path("width").asInt());
	}

	private Page history(ApiClient client) {
		Page page = signedIn(client, Screen.DESKTOP);
		page.navigate("/history");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		return page;
	}

	/** A finished local video (6 s at 512p), made through the API. */
	private static String finished(ApiClient client, Studio studio, String imageId, String prompt, String template) {
		ApiClient.Response started = client.post("/api/video/generate", ("{\"imageId\":\"%s\",\"prompt\":\"%s\","
				+ "\"model\":\"local/motion\",\"duration\":6,\"resolution\":\"512p\"%s}").formatted(imageId, prompt,
						template == null ? "" : ",\"template\":\"" + template + "\""));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String id = started.json().path("id").asString();
		assertThat(studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2)).path("status").asString())
			.isEqualTo("completed");
		return id;
	}

}
