package com.wanderframe.web;

import java.util.Base64;
import java.util.Map;

import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Step 1 of the studio: picking or dropping a photo, and the server's refusals in words. */
class StudioUploadTests extends BrowserTest {

	private Page studio(Screen screen) {
		Page page = signedIn(ApiClient.signedUp(port), screen);
		page.navigate("/studio");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions()
			.setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
		return page;
	}

	@Test
	void aPickedPhotoIsPreviewedAndTheNextStepOpens() {
		Page page = studio(Screen.DESKTOP);

		page.setInputFiles("[data-file-input]", new FilePayload("me.jpg", "image/jpeg", Studio.selfieJpeg(800, 1000)));

		assertThat(page.locator("[data-step='1']")).hasAttribute("data-state", "done");
		assertThat(page.locator("[data-step='2']")).hasAttribute("data-state", "current");
		assertThat(page.locator("[data-step='1'] [data-summary-image]")).isVisible();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/studio\\?photo="));
	}

	@Test
	void step1ShowsThePersonCutOutOfTheirPhoto() throws Exception {
		Page page = studio(Screen.DESKTOP);

		page.setInputFiles("[data-file-input]", new FilePayload("astronaut.png", "image/png",
				java.nio.file.Files.readAllBytes(com.wanderframe.segmentation.TestPortraits.astronautFile())));

		Locator summary = page.locator("[data-step='1'] [data-summary]");
		// Finding her runs the model once, while step 2's previews are painted: on a busy machine, slow.
		assertThat(summary.locator("[data-summary-text]")).hasText("This is you",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
		assertThat(summary.locator("[data-summary-image]")).hasAttribute("src", java.util.regex.Pattern.compile("^blob:"));
		page.click("[data-step='1'] [data-change]");
		assertThat(page.locator("[data-cutout-image]")).isVisible();
		assertThat(page.locator("[data-cutout-caption]")).containsText("This is you");
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "step1-cutout-desktop");
	}

	@Test
	void step1SaysPlainlyWhenNobodyIsInThePhoto() throws Exception {
		Page page = studio(Screen.PHONE);

		page.setInputFiles("[data-file-input]", new FilePayload("coffee.png", "image/png",
				java.nio.file.Files.readAllBytes(com.wanderframe.segmentation.TestPortraits.coffeeFile())));

		assertThat(page.locator("[data-step='1'] [data-summary-text]"))
			.hasText("No person was found in this photo, so it will be framed whole in the scene.",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
		page.click("[data-step='1'] [data-change]");
		assertThat(page.locator("[data-cutout-image]")).isHidden();
		assertThat(page.locator("[data-cutout-caption]")).containsText("No person was found");
		screenshot(page, "step1-no-person-phone");
	}

	@Test
	void aDroppedPhotoIsUploadedToo() {
		Page page = studio(Screen.PHONE);
		String base64 = Base64.getEncoder().encodeToString(Studio.selfieJpeg(600, 800));
		JSHandle transfer = page.evaluateHandle("""
				(b64) => {
					const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
					const transfer = new DataTransfer();
					transfer.items.add(new File([bytes], 'dropped.jpg', { type: 'image/jpeg' }));
					return transfer;
				}""", base64);

		page.dispatchEvent("[data-dropzone]", "dragover", Map.of("dataTransfer", transfer));
		page.dispatchEvent("[data-dropzone]", "drop", Map.of("dataTransfer", transfer));

		assertThat(page.locator("[data-step='2']")).hasAttribute("data-state", "current");
	}

	@Test
	void aFileThatIsNoPhotoIsRefusedInWordsAndNothingMovesOn() {
		Page page = studio(Screen.PHONE);

		page.setInputFiles("[data-file-input]",
				new FilePayload("holiday.jpg", "image/jpeg", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes()));

		assertThat(page.locator("[data-upload-error]")).isVisible();
		assertThat(page.locator("[data-upload-error]")).not().isEmpty();
		assertThat(page.locator("[data-step='1']")).hasAttribute("data-state", "current");
		assertThat(page.locator("[data-step='2']")).hasAttribute("data-state", "locked");
		expectNoSeriousAccessibilityViolations(page);
		screenshot(page, "step1-refused-phone");
	}

}
