package com.wanderframe.web;

import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.wanderframe.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Every page, on a phone and on a desktop: accessible, no sideways scrolling, pictured. */
class PageQualityTests extends BrowserTest {

	static Stream<Arguments> publicPages() {
		return Stream.of("/", "/signin", "/signup")
			.flatMap(path -> Stream.of(Screen.values()).map(screen -> Arguments.of(path, screen)));
	}

	static Stream<Arguments> signedInPages() {
		return Stream.of("/studio", "/history", "/credits")
			.flatMap(path -> Stream.of(Screen.values()).map(screen -> Arguments.of(path, screen)));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("publicPages")
	void publicPagesAreAccessibleAndFitTheScreen(String path, Screen screen) {
		Page page = visitor(screen);
		page.navigate(path);

		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, name(path) + "-" + screen.name().toLowerCase());
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("signedInPages")
	void signedInPagesAreAccessibleAndFitTheScreen(String path, Screen screen) {
		Page page = signedIn(ApiClient.signedUp(port), screen);
		page.navigate(path);
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(
				com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
		assertThat(page.locator("[data-credits]")).hasText("10");

		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, name(path) + "-empty-" + screen.name().toLowerCase());
	}

	@ParameterizedTest(name = "sign-up errors on {0}")
	@org.junit.jupiter.params.provider.EnumSource(Screen.class)
	void inlineErrorsAreAccessible(Screen screen) {
		Page page = visitor(screen);
		page.navigate("/signup");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#email-error")).not().isEmpty();

		expectNoSeriousAccessibilityViolations(page);
		expectNoHorizontalScroll(page);
		screenshot(page, "signup-errors-" + screen.name().toLowerCase());
	}

	private static String name(String path) {
		return path.equals("/") ? "landing" : path.substring(1);
	}

}
