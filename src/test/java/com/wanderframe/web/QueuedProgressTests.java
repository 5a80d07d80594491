package com.wanderframe.web;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.video.internal.render.LocalMotionRenderer;
import com.wanderframe.video.internal.render.RenderRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Step 4 when the instance's one render slot is busy: the person reads their place in the queue
 * ("Queued, 1 ahead of yours…") in the progress text, and it moves on to the render by itself.
 */
@TestPropertySource(properties = "wanderframe.render.concurrency=1")
class QueuedProgressTests extends BrowserTest {

	@Autowired
	LocalMotionRenderer renderer;

	@Test
	void aQueuedVideoShowsHowManyWaitAheadThenRuns() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();

		// Someone's render holds the slot until we let go.
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch letGo = new CountDownLatch(1);
		Path scratch = Files.createTempDirectory("queued-progress");
		CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
			try {
				renderer.render(new RenderRequest(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "static", 1,
						512, 25), scratch.resolve("busy.mp4"), percent -> {
							holding.countDown();
							try {
								letGo.await(2, TimeUnit.MINUTES);
							}
							catch (InterruptedException ex) {
								Thread.currentThread().interrupt();
							}
						});
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			holding.await(1, TimeUnit.MINUTES);
			// Two videos of this person's are asked for first: one takes the slot when it frees, one waits.
			for (String prompt : new String[] { "slow push in", "tilt up" }) {
				ApiClient.Response accepted = client.post("/api/video/generate",
						"{\"imageId\":\"" + imageId + "\",\"prompt\":\"" + prompt + "\",\"duration\":6,\"resolution\":\"512p\"}");
				org.assertj.core.api.Assertions.assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
			}

			Page page = signedIn(client, Screen.DESKTOP);
			page.navigate("/studio?image=" + imageId);
			page.waitForSelector("body[data-ready]",
					new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
			page.getByLabel("Describe the motion").fill("Gentle camera pan to the right");
			page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("512p")).check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate video")).click();

			assertThat(page.locator("[data-video-status]")).hasText("Queued, 1 ahead of yours…");
			screenshot(page, "studio-4-queued-desktop");
			expectNoSeriousAccessibilityViolations(page);

			letGo.countDown();
			busy.get(1, TimeUnit.MINUTES);
			assertThat(page.locator("[data-step='5']")).hasAttribute("data-state", "done",
					new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
		}
		finally {
			letGo.countDown();
		}
	}

}
