package com.wanderframe.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.wanderframe.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Chromium against the app on a free port. Each test gets fresh browser contexts (no
 * shared cookies); every page is watched for script errors and Content-Security-Policy refusals.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	/** The two screens every page must work on. */
	enum Screen {

		PHONE(375, 812), DESKTOP(1440, 900);

		final int width;

		final int height;

		Screen(int width, int height) {
			this.width = width;
			this.height = height;
		}

	}

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private final List<String> pageErrors = new ArrayList<>();

	/** A failed test leaves a picture of every page it had open, for whoever reads the CI log. */
	@RegisterExtension
	final AfterTestExecutionCallback pictureOnFailure = context -> {
		if (context.getExecutionException().isPresent()) {
			int i = 0;
			for (BrowserContext browserContext : contexts) {
				for (Page page : browserContext.pages()) {
					try {
						page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
							.setPath(SCREENSHOTS.resolve("failures")
								.resolve(context.getRequiredTestClass().getSimpleName() + "-"
										+ context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_") + "-" + i++ + ".png")));
					}
					catch (RuntimeException ex) {
						// The page may be gone with the failure; nothing to picture then.
					}
				}
			}
		}
	};

	@BeforeAll
	static void startBrowser() {
		playwright = Browsers.playwright();
		browser = Browsers.chromium(playwright);
		// Two shared CPUs: waiting is cheap, a flaky failure is not.
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@AfterEach
	void closeContexts() {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
		assertThat(pageErrors).as("script errors and CSP refusals in the browser").isEmpty();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** A new browser window for a visitor with no session. */
	Page visitor(Screen screen) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions()
			.setViewportSize(screen.width, screen.height)
			.setHasTouch(screen == Screen.PHONE)
			.setAcceptDownloads(true)
			.setBaseURL(url("")));
		contexts.add(context);
		Page page = context.newPage();
		page.onConsoleMessage(message -> {
			if (message.type().equals("error") && !isExpected(message.text(), page.url())) {
				pageErrors.add(message.text() + " at " + page.url());
			}
		});
		page.onPageError(error -> pageErrors.add(error + " at " + page.url()));
		page.setDefaultTimeout(15_000);
		return page;
	}

	/** A browser window signed in as the person behind {@code client}. */
	Page signedIn(ApiClient client, Screen screen) {
		Page page = visitor(screen);
		page.context().addCookies(List.of(new Cookie("SESSION", client.sessionCookie()).setDomain("localhost")
			.setPath("/")
			.setHttpOnly(true)));
		return page;
	}

	/** HTTP refusals the page expects and shows in words (the browser logs them as errors). */
	private static boolean isExpected(String text, String url) {
		return text.startsWith("Failed to load resource: the server responded with a status of 4");
	}

	void expectNoSeriousAccessibilityViolations(Page page) {
		AxeResults results = new AxeBuilder(page).analyze();
		List<Rule> serious = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious).as(() -> "axe violations on " + page.url() + ":\n" + serious.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"))).isEmpty();
	}

	void expectNoHorizontalScroll(Page page) {
		Object overflow = page.evaluate(
				"() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow in px on " + page.url()).isLessThanOrEqualTo(0);
	}

	void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
