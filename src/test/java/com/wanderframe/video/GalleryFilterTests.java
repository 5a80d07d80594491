package com.wanderframe.video;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The gallery's filters pick exactly the matching videos, keep paging, and the person's figures add up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GalleryFilterTests {

	@LocalServerPort
	int port;

	@Test
	void filtersReturnTheRightVideosAndTheFiguresAddUp() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		String location = client.get("/api/images/" + imageId).json().path("location").asString();
		String rooftops = generate(client, imageId, "Slow pan over the ROOFTOPS");
		String river = generate(client, imageId, "Push in toward the river");
		String failed = generate(client, imageId, "Orbit 100% [[fail]]");
		for (String id : List.of(rooftops, river, failed)) {
			studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2));
		}
		// Someone else's video never shows up in anyone's filters.
		ApiClient other = ApiClient.signedUp(port);
		generate(other, new Studio(other).imageAtLocation(), "Slow pan over the rooftops");

		assertThat(ids(client, "")).containsExactly(failed, river, rooftops);
		assertThat(ids(client, "&status=failed")).containsExactly(failed);
		assertThat(ids(client, "&status=completed")).containsExactly(river, rooftops);
		assertThat(ids(client, "&q=rooftops")).containsExactly(rooftops);
		// Words are matched as text, not as patterns.
		assertThat(ids(client, "&q=100%25")).containsExactly(failed);
		assertThat(ids(client, "&q=_")).isEmpty();
		assertThat(ids(client, "&model=local/motion")).containsExactly(failed, river, rooftops);
		assertThat(ids(client, "&model=minimax/hailuo-02")).isEmpty();
		assertThat(ids(client, "&location=" + location)).containsExactly(failed, river, rooftops);
		assertThat(ids(client, "&location=nowhere-at-all")).isEmpty();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(ids(client, "&from=" + today + "&to=" + today)).hasSize(3);
		assertThat(ids(client, "&from=" + today.plusDays(1))).isEmpty();
		assertThat(ids(client, "&to=" + today.minusDays(1))).isEmpty();
		assertThat(ids(client, "&status=completed&q=river")).containsExactly(river);

		// Paging keeps the filter: total counts the matches, pages split them.
		JsonNode first = client.get("/api/video?page=0&size=1&status=completed").json();
		assertThat(first.path("total").asInt()).isEqualTo(2);
		assertThat(first.path("items").path(0).path("id").asString()).isEqualTo(river);
		JsonNode second = client.get("/api/video?page=1&size=1&status=completed").json();
		assertThat(second.path("items").path(0).path("id").asString()).isEqualTo(rooftops);

		assertThat(client.get("/api/video?status=lost").code()).isEqualTo("invalid_status");
		assertThat(client.get("/api/video?from=yesterday").code()).isEqualTo("invalid_date");
		assertThat(client.get("/api/video?from=" + today + "&to=" + today.minusDays(1)).code())
			.isEqualTo("invalid_date_range");

		JsonNode stats = client.get("/api/video/stats").json();
		assertThat(stats.path("videos").asInt()).isEqualTo(3);
		assertThat(stats.path("completed").asInt()).isEqualTo(2);
		assertThat(stats.path("failed").asInt()).isEqualTo(1);
		assertThat(stats.path("successRate").asDouble()).isEqualTo(0.667);
		int videoCost = client.get("/api/video/" + failed).json().path("cost").asInt();
		int imageCost = client.get("/api/images/" + imageId).json().path("cost").asInt();
		assertThat(stats.path("creditsSpent").asInt()).isEqualTo(3 * videoCost + imageCost);
		assertThat(stats.path("creditsRefunded").asInt()).isEqualTo(videoCost);
		JsonNode model = stats.path("models").path(0);
		assertThat(model.path("model").asString()).isEqualTo("local/motion");
		assertThat(model.path("videos").asInt()).isEqualTo(3);
		assertThat(model.path("typicalSeconds").asDouble()).isPositive();
	}

	private static List<String> ids(ApiClient client, String filters) {
		ApiClient.Response page = client.get("/api/video?page=0&size=20" + filters);
		assertThat(page.status()).as(filters + ": " + page).isEqualTo(200);
		return java.util.stream.StreamSupport.stream(page.json().path("items").spliterator(), false).map(item -> item.path("id").asString()).toList();
	}

	private static String generate(ApiClient client, String imageId, String prompt) {
		ApiClient.Response started = client.post("/api/video/generate", "{\"imageId\":\"" + imageId + "\",\"prompt\":\""
				+ prompt + "\",\"duration\":6,\"resolution\":\"512p\"}");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().path("id").asString();
	}

}
