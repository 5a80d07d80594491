package com.wanderframe.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.wanderframe.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person's connection carries: pages, styles and scripts arrive compressed, and a second
 * visit to the studio fetches (almost) none of its styles and scripts again, because they are
 * cached under names that change with their content.
 */
class PageWeightTests extends BrowserTest {

	@Test
	void theStudioArrivesCompressedAndARepeatVisitFetchesNoStylesOrScripts() {
		Page page = signedIn(ApiClient.signedUp(port), Screen.DESKTOP);
		List<Response> responses = new CopyOnWriteArrayList<>();
		page.onResponse(responses::add);

		page.navigate("/studio");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions()
			.setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));

		Response html = responses.stream().filter(response -> response.url().endsWith("/studio")).findFirst().orElseThrow();
		assertThat(html.allHeaders()).containsEntry("content-encoding", "gzip");
		List<Response> assets = responses.stream().filter(PageWeightTests::isStyleOrScript).toList();
		assertThat(assets).as("the studio's styles and scripts").hasSizeGreaterThan(5);
		for (Response asset : assets) {
			Map<String, String> headers = asset.allHeaders();
			assertThat(asset.url()).as("a content-versioned name").matches(".*(/js/[0-9a-f]{16}/.*\\.js|-[0-9a-f]{32}\\.css)$");
			assertThat(headers.get("cache-control")).as(asset.url()).contains("max-age=31536000").contains("immutable");
		}
		assertThat(assets.stream().filter(asset -> asset.url().endsWith("/studio.js")).findFirst().orElseThrow().allHeaders())
			.containsEntry("content-encoding", "gzip");

		page.navigate("/studio");
		page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions()
			.setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
		Number repeatBytes = (Number) page.evaluate("() => performance.getEntriesByType('resource')"
				+ ".filter(entry => /\\.(css|js)$/.test(new URL(entry.name).pathname))"
				+ ".reduce((sum, entry) => sum + entry.transferSize, 0)");
		assertThat(repeatBytes.longValue()).as("bytes of styles and scripts sent again on the repeat visit")
			.isLessThan(5_000);
	}

	@Test
	void aBareAssetNameIsRevalidatedRatherThanCachedForAYear() throws Exception {
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/js/page.js"))).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	private static boolean isStyleOrScript(Response response) {
		String path = URI.create(response.url()).getPath();
		return path.endsWith(".css") || path.endsWith(".js");
	}

}
