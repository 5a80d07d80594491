package com.wanderframe.imaging;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/images} narrows the person's images with the filters the video list takes, keeps
 * paging, refuses bad values with the same codes, and never shows someone else's image.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImageFilterTests {

	@LocalServerPort
	int port;

	@Test
	void filtersPickTheMatchingImagesAndPagesSplitThem() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String paris = image(client, studio, "paris-at-dusk");
		String santorini = image(client, studio, "santorini");
		String sunsetSantorini = image(client, studio, "santorini");
		// Someone else's image at the same place never appears in anyone's list.
		ApiClient other = ApiClient.signedUp(port);
		String theirs = image(other, new Studio(other), "santorini");

		assertThat(ids(client, "")).containsExactly(sunsetSantorini, santorini, paris);
		assertThat(ids(client, "&location=santorini")).containsExactly(sunsetSantorini, santorini);
		assertThat(ids(client, "&location=nowhere-at-all")).isEmpty();
		assertThat(ids(client, "&status=completed")).containsExactly(sunsetSantorini, santorini, paris);
		assertThat(ids(client, "&status=failed")).isEmpty();
		assertThat(ids(client, "&model=local/compositor")).containsExactly(sunsetSantorini, santorini, paris);
		assertThat(ids(client, "&model=black-forest-labs/flux-kontext-pro")).isEmpty();
		// Words of the prompt the image was made from (it describes the place), in any case.
		assertThat(ids(client, "&q=EIFFEL")).containsExactly(paris);
		assertThat(ids(client, "&q=aegean")).containsExactly(sunsetSantorini, santorini);
		assertThat(ids(client, "&q=aegean&location=paris-at-dusk")).isEmpty();
		assertThat(ids(client, "&q=no%20such%20words%20anywhere")).isEmpty();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(ids(client, "&from=" + today + "&to=" + today)).hasSize(3);
		assertThat(ids(client, "&from=" + today.plusDays(1))).isEmpty();
		assertThat(ids(client, "&to=" + today.minusDays(1))).isEmpty();
		assertThat(ids(other, "&location=santorini")).containsExactly(theirs);

		// Paging keeps the filter; the total of the matches travels in a header.
		ApiClient.Response first = client.get("/api/images?page=0&size=1&location=santorini");
		assertThat(first.header("X-Total-Count")).isEqualTo("2");
		assertThat(ids(first)).containsExactly(sunsetSantorini);
		ApiClient.Response second = client.get("/api/images?page=1&size=1&location=santorini");
		assertThat(ids(second)).containsExactly(santorini);
		assertThat(ids(client.get("/api/images?page=2&size=1&location=santorini"))).isEmpty();

		assertThat(client.get("/api/images?status=lost").code()).isEqualTo("invalid_status");
		assertThat(client.get("/api/images?status=lost").status()).isEqualTo(400);
		assertThat(client.get("/api/images?from=yesterday").code()).isEqualTo("invalid_date");
		assertThat(client.get("/api/images?from=" + today + "&to=" + today.minusDays(1)).code())
			.isEqualTo("invalid_date_range");
		assertThat(client.get("/api/images?q=" + "a".repeat(201)).code()).isEqualTo("invalid_text");
		assertThat(client.get("/api/images?page=-1").code()).isEqualTo("invalid_page");
		assertThat(client.get("/api/images?size=0").code()).isEqualTo("invalid_size");
		assertThat(client.get("/api/images?size=101").code()).isEqualTo("invalid_size");
	}

	private static String image(ApiClient client, Studio studio, String location) {
		ApiClient.Response started = client.post("/api/images",
				"{\"photoId\":\"" + studio.uploadSelfie() + "\",\"location\":\"" + location + "\"}");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String id = started.json().path("id").asString();
		assertThat(studio.awaitTerminal("/api/images/" + id, Duration.ofMinutes(1)).path("status").asString())
			.isEqualTo("completed");
		return id;
	}

	private static List<String> ids(ApiClient client, String filters) {
		ApiClient.Response page = client.get("/api/images?page=0&size=20" + filters);
		assertThat(page.status()).as(filters + ": " + page).isEqualTo(200);
		return ids(page);
	}

	private static List<String> ids(ApiClient.Response page) {
		return StreamSupport.stream(page.json().spliterator(), false).map(item -> item.path("id").asString()).toList();
	}

}
