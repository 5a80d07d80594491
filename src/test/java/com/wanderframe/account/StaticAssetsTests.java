package com.wanderframe.account;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wanderframe.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's styles, scripts and pictures are the same for everyone and cached for a year: the
 * signed-in person's session is not read (and written back) for each of them, and no cookie is
 * handed out with one, since a shared cache may keep the response for others.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticAssetsTests {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|img)/[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aSignedInPersonsPageAssetsCostTheDatabaseNothing() {
		ApiClient person = ApiClient.signedUp(port);
		List<String> assets = assetsOf(person.get("/studio").body());
		assertThat(assets).hasSizeGreaterThan(3);
		int requests = 40;

		double before = connectionCheckouts();
		for (int i = 0; i < requests; i++) {
			assertThat(person.get(assets.get(i % assets.size())).status()).isEqualTo(200);
		}
		double forAssets = connectionCheckouts() - before;

		before = connectionCheckouts();
		for (int i = 0; i < requests; i++) {
			assertThat(person.get("/api/me").status()).isEqualTo(200);
		}
		double forReads = connectionCheckouts() - before;

		// A signed-in read takes the pool's connections for the session and its answer; assets
		// take none (what is left is the background jobs' polling meanwhile).
		assertThat(forReads).isGreaterThanOrEqualTo(requests);
		assertThat(forAssets).as("connections taken while %d assets were served", requests).isLessThan(forReads / 4);
	}

	@Test
	void anAssetNeverCarriesACookie() {
		ApiClient visitor = new ApiClient(port);
		List<String> assets = assetsOf(visitor.get("/signin").body());
		assertThat(assets).isNotEmpty();

		for (String asset : assets) {
			ApiClient.Response response = new ApiClient(port).get(asset);
			assertThat(response.status()).as(asset).isEqualTo(200);
			assertThat(response.raw().headers().allValues("Set-Cookie")).as(asset).isEmpty();
		}
	}

	private static List<String> assetsOf(String html) {
		Matcher found = ASSET.matcher(html);
		return found.results().map(match -> match.group(1)).distinct().toList();
	}

	private double connectionCheckouts() {
		return meters.find("hikaricp.connections.usage").timers().stream().mapToDouble(Timer::count).sum();
	}

}
