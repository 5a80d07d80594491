package com.wanderframe.sharing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A share link: public page and media for anyone holding it, the preview tags chat apps read,
 * nothing else of the person, and 404 for all of it once revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShareLinkTests {

	@LocalServerPort
	int port;

	@Test
	void aSharedVideoHasAPublicPageWithPreviewTagsAndMediaUntilRevoked() throws Exception {
		ApiClient owner = ApiClient.signedUp(port);
		String email = owner.get("/api/me").json().path("email").asString();
		String video = finishedVideo(owner);

		ApiClient.Response shared = owner.post("/api/video/" + video + "/share", "");
		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		String url = shared.json().path("url").asString();
		assertThat(url).matches("http://localhost:" + port + "/s/[A-Za-z0-9_-]{43}");
		String path = url.substring(url.indexOf("/s/"));
		// Sharing again hands out the same link.
		assertThat(owner.post("/api/video/" + video + "/share", "{}").json().path("url").asString()).isEqualTo(url);
		assertThat(owner.get("/api/video/" + video + "/share").json().path("url").asString()).isEqualTo(url);

		ApiClient visitor = new ApiClient(port);
		ApiClient.Response page = visitor.send(visitor.request(path).header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(meta(html, "og:type")).isEqualTo("video.other");
		assertThat(meta(html, "og:video")).isEqualTo(url + "/video.mp4");
		assertThat(meta(html, "og:video:type")).isEqualTo("video/mp4");
		assertThat(meta(html, "og:image")).isEqualTo(url + "/poster.jpg");
		// The frame size of the 512p clip, as its poster (a full-size frame) has it.
		BufferedImage frame = ImageIO.read(new ByteArrayInputStream(owner.get("/api/video/" + video + "/poster.jpg").bytes()));
		assertThat(frame.getHeight()).isEqualTo(512);
		assertThat(meta(html, "og:video:width")).isEqualTo(String.valueOf(frame.getWidth()));
		assertThat(meta(html, "og:video:height")).isEqualTo("512");
		assertThat(meta(html, "og:image:width")).isEqualTo(String.valueOf(frame.getWidth()));
		assertThat(meta(html, "og:image:height")).isEqualTo("512");
		assertThat(html.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		assertThat(html.select("meta[name=robots]").attr("content")).contains("noindex");
		assertThat(page.header("X-Robots-Tag")).contains("noindex");
		// Nothing else of the person: not their email, not their prompt, not their other media.
		assertThat(page.body()).doesNotContain(email).doesNotContain("/api/").doesNotContain("rooftops")
			.doesNotContain(video);

		ApiClient.Response range = visitor.send(visitor.request(path + "/video.mp4").header("Range", "bytes=0-99").GET());
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.header("Content-Type")).isEqualTo("video/mp4");
		assertThat(range.header("Content-Range")).startsWith("bytes 0-99/");
		assertThat(range.bytes()).hasSize(100);
		assertThat(range.header("Cache-Control")).contains("no-cache");
		assertThat(range.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
		ApiClient.Response poster = visitor.get(path + "/poster.jpg");
		assertThat(poster.status()).isEqualTo(200);
		assertThat(poster.header("Content-Type")).isEqualTo("image/jpeg");
		// Only through the token: the owner's own URLs still need the owner.
		assertThat(visitor.get("/api/video/" + video + "/video.mp4").status()).isEqualTo(401);

		assertThat(owner.delete("/api/video/" + video + "/share").status()).isEqualTo(204);
		assertThat(visitor.send(visitor.request(path).header("Accept", "text/html").GET()).status()).isEqualTo(404);
		assertThat(visitor.get(path + "/video.mp4").status()).isEqualTo(404);
		assertThat(visitor.get(path + "/poster.jpg").status()).isEqualTo(404);
		assertThat(owner.get("/api/video/" + video + "/share").status()).isEqualTo(404);
		assertThat(owner.delete("/api/video/" + video + "/share").code()).isEqualTo("share_link_not_found");

		// A new link is a new token: the revoked one stays dead.
		String again = owner.post("/api/video/" + video + "/share", "{\"indexable\":true}").json().path("url").asString();
		assertThat(again).isNotEqualTo(url);
		assertThat(visitor.get(path + "/video.mp4").status()).isEqualTo(404);
		String againPath = again.substring(again.indexOf("/s/"));
		ApiClient.Response indexable = visitor.send(visitor.request(againPath).header("Accept", "text/html").GET());
		assertThat(Jsoup.parse(indexable.body()).select("meta[name=robots]")).isEmpty();
		assertThat(indexable.header("X-Robots-Tag")).isNull();

		// Deleting the video takes its link down too.
		assertThat(owner.delete("/api/video/" + video).status()).isEqualTo(204);
		assertThat(visitor.get(againPath + "/video.mp4").status()).isEqualTo(404);
	}

	@Test
	void nobodyCanShareOrRevokeSomeoneElsesVideoAndBadValuesAreRefused() {
		ApiClient owner = ApiClient.signedUp(port);
		String video = finishedVideo(owner);
		ApiClient other = ApiClient.signedUp(port);

		assertThat(other.post("/api/video/" + video + "/share", "").code()).isEqualTo("video_not_found");
		assertThat(other.post("/api/video/" + video + "/share", "").status()).isEqualTo(404);
		String url = owner.post("/api/video/" + video + "/share", "").json().path("url").asString();
		assertThat(other.get("/api/video/" + video + "/share").status()).isEqualTo(404);
		assertThat(other.delete("/api/video/" + video + "/share").status()).isEqualTo(404);
		// Someone else signed in may watch the link like anyone, and it still works for everyone.
		String path = url.substring(url.indexOf("/s/"));
		assertThat(other.get(path + "/video.mp4").status()).isEqualTo(200);
		assertThat(new ApiClient(port).get(path + "/video.mp4").status()).isEqualTo(200);

		ApiClient.Response tooLong = owner.post("/api/video/" + video + "/share", "{\"expiresInDays\":400}");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.code()).isEqualTo("invalid_expiry");
		// A made-up token is simply not there.
		assertThat(new ApiClient(port).get("/s/" + "A".repeat(43) + "/video.mp4").status()).isEqualTo(404);
		assertThat(new ApiClient(port).get("/s/short").status()).isEqualTo(404);
	}

	private String finishedVideo(ApiClient client) {
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		ApiClient.Response started = client.post("/api/video/generate", """
				{"imageId":"%s","prompt":"slow pan over the rooftops","duration":6,"resolution":"512p"}
				""".formatted(imageId));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String id = started.json().path("id").asString();
		assertThat(studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2)).path("status").asString())
			.isEqualTo("completed");
		return id;
	}

	private static String meta(Document html, String property) {
		return html.select("meta[property=" + property + "]").attr("content");
	}

}
