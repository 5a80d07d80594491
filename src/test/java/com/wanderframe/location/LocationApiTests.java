package com.wanderframe.location;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.wanderframe.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LocationApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Locations locations;

	@Test
	void anyoneCanBrowseAtLeastTwelveDistinctPlaces() {
		ApiClient visitor = new ApiClient(port);

		ApiClient.Response response = visitor.get("/api/locations");

		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> places = new ArrayList<>();
		response.json().forEach(places::add);
		assertThat(places).hasSizeGreaterThanOrEqualTo(12);
		Set<String> slugs = new HashSet<>();
		Set<String> names = new HashSet<>();
		for (JsonNode place : places) {
			slugs.add(place.path("slug").asString());
			names.add(place.path("name").asString());
			assertThat(place.path("description").asString()).isNotBlank();
			assertThat(place.path("previewUrl").asString())
				.isEqualTo("/api/locations/" + place.path("slug").asString() + "/preview.jpg");
		}
		assertThat(slugs).hasSize(places.size());
		assertThat(names).hasSize(places.size());
		assertThat(visitor.get("/api/locations/" + places.get(0).path("slug").asString()).json().path("name").asString())
			.isEqualTo(places.get(0).path("name").asString());
	}

	@Test
	void everyPlaceHasABackdropLargeEnoughForTheImageAndASceneForThePrompt() {
		for (Location location : locations.all()) {
			BufferedImage backdrop = locations.backdrop(location.slug());
			assertThat(backdrop.getWidth()).as(location.slug()).isGreaterThanOrEqualTo(2048);
			assertThat(backdrop.getHeight()).as(location.slug()).isGreaterThanOrEqualTo(1152);
			assertThat(backdrop.getWidth() * 9).as(location.slug()).isEqualTo(backdrop.getHeight() * 16);
			assertThat(location.scene()).as(location.slug()).hasSizeGreaterThan(40);
		}
	}

	@Test
	void previewsAreCacheableJpegsThatLookDifferentFromEachOther() throws IOException {
		ApiClient visitor = new ApiClient(port);
		List<BufferedImage> previews = new ArrayList<>();
		for (Location location : locations.all()) {
			ApiClient.Response preview = visitor.get("/api/locations/" + location.slug() + "/preview.jpg");
			assertThat(preview.status()).isEqualTo(200);
			assertThat(preview.header("Content-Type")).isEqualTo("image/jpeg");
			assertThat(preview.header("Cache-Control")).contains("public").contains("max-age");
			assertThat(preview.header("ETag")).isNotBlank();
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview.bytes()));
			assertThat(image.getWidth()).isEqualTo(640);
			assertThat(image.getHeight()).isEqualTo(360);
			previews.add(image);
		}
		for (int i = 0; i < previews.size(); i++) {
			for (int j = i + 1; j < previews.size(); j++) {
				assertThat(meanDifference(previews.get(i), previews.get(j)))
					.as("%s vs %s", locations.all().get(i).slug(), locations.all().get(j).slug())
					.isGreaterThan(12);
			}
		}
	}

	@Test
	void aBrowserThatHasThePreviewIsToldItIsUnchanged() {
		ApiClient visitor = new ApiClient(port);
		String path = "/api/locations/" + locations.all().get(0).slug() + "/preview.jpg";
		String etag = visitor.get(path).header("ETag");

		ApiClient.Response again = visitor.send(visitor.request(path).header("If-None-Match", etag).GET());

		assertThat(again.status()).isEqualTo(304);
		assertThat(again.bytes()).isEmpty();
	}

	@Test
	void anUnknownPlaceIsNotFound() {
		ApiClient visitor = new ApiClient(port);

		ApiClient.Response place = visitor.get("/api/locations/atlantis");
		ApiClient.Response preview = visitor.get("/api/locations/atlantis/preview.jpg");

		assertThat(place.status()).isEqualTo(404);
		assertThat(place.code()).isEqualTo("location_not_found");
		assertThat(preview.status()).isEqualTo(404);
		assertThat(preview.code()).isEqualTo("location_not_found");
	}

	/** Average absolute difference per channel, 0–255. */
	private static double meanDifference(BufferedImage a, BufferedImage b) {
		long total = 0;
		for (int y = 0; y < a.getHeight(); y += 2) {
			for (int x = 0; x < a.getWidth(); x += 2) {
				int p = a.getRGB(x, y);
				int q = b.getRGB(x, y);
				total += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
						+ Math.abs((p & 0xff) - (q & 0xff));
			}
		}
		return total / 3.0 / ((a.getHeight() / 2) * (a.getWidth() / 2));
	}

}
