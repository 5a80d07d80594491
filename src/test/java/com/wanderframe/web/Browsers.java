package com.wanderframe.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Starts the Chromium the tests drive: the system's {@code /usr/bin/chromium} when present (the
 * browser download is skipped), Playwright's own elsewhere. A missing browser fails the test run;
 * it never skips it.
 */
final class Browsers {

	static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

	private Browsers() {
	}

	static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	static Browser chromium(Playwright playwright) {
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
		if (Files.isExecutable(SYSTEM_CHROMIUM)) {
			options.setExecutablePath(SYSTEM_CHROMIUM);
		}
		try {
			return playwright.chromium().launch(options);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("No Chromium to drive: install it (apt-get install -y chromium) "
					+ "or let Playwright download its own (./mvnw -q exec:java -Dexec.mainClass=com.microsoft.playwright.CLI "
					+ "-Dexec.args=\"install chromium\" -Dexec.classpathScope=test).", ex);
		}
	}

}
