package com.wanderframe.exports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.media.MediaStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Edit and export: each format decodes (by FFmpeg's own programs) with the duration, size and
 * frame rate asked for; a boomerang is twice as long and mirrored; exports count toward the
 * person's storage and go with their video; bad values and other people's videos change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaStore media;

	@Test
	void eachFormatDecodesWithTheDurationSizeAndFrameRateAskedFor(@TempDir Path tmp) throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		String video = finishedVideo(client);
		Path original = tmp.resolve("original.mp4");
		Files.write(original, client.get("/api/video/" + video + "/video.mp4").bytes());
		Probe.Info source = Probe.of(original);
		assertThat(source.fps()).isEqualTo(25);

		// MP4: seconds 1 to 4 at double speed, cropped to 9:16 and 288 wide.
		JsonNode mp4 = export(client, video, """
				{"format":"mp4","trim":{"start":1,"end":4},"speed":2,"aspect":"9:16","focus":{"x":0.3,"y":0.5},"width":288}""");
		Probe.Info mp4Info = Probe.of(download(client, mp4, tmp));
		assertThat(mp4Info.codec()).isEqualTo("h264");
		assertThat(mp4Info.width()).isEqualTo(288);
		assertThat(mp4Info.height()).isEqualTo(512);
		assertThat(mp4Info.fps()).isEqualTo(25);
		assertThat(mp4Info.seconds()).isCloseTo(1.5, within(0.1));
		assertThat(mp4Info.frames()).isBetween(36L, 39L);
		assertThat(mp4.path("fileName").asString()).isEqualTo("wanderframe-" + video.substring(0, 8) + "-9x16-trimmed-2x.mp4");

		// WebM: the first 2 seconds at half speed, full frame.
		JsonNode webm = export(client, video, """
				{"format":"webm","trim":{"start":0,"end":2},"speed":0.5}""");
		Probe.Info webmInfo = Probe.of(download(client, webm, tmp));
		assertThat(webmInfo.codec()).isEqualTo("vp9");
		assertThat(webmInfo.width()).isEqualTo(source.width() & ~1);
		assertThat(webmInfo.height()).isEqualTo(source.height() & ~1);
		assertThat(webmInfo.fps()).isEqualTo(25);
		assertThat(webmInfo.seconds()).isCloseTo(4.0, within(0.1));
		assertThat(webmInfo.frames()).isBetween(99L, 101L);

		// GIF boomerang: 2 seconds there and back, 320 wide, at the GIF rate of 20 frames a second.
		JsonNode gif = export(client, video, """
				{"format":"gif","trim":{"start":0,"end":2},"loop":"boomerang","width":320}""");
		Path gifFile = download(client, gif, tmp);
		Probe.Info gifInfo = Probe.of(gifFile);
		assertThat(gifInfo.codec()).isEqualTo("gif");
		assertThat(gifInfo.width()).isEqualTo(320);
		assertThat(gifInfo.height()).isEqualTo((int) Math.round(320.0 * source.height() / source.width()) & ~1);
		assertThat(gifInfo.fps()).isEqualTo(20);
		assertThat(gifInfo.seconds()).isCloseTo(4.0, within(0.15));
		List<byte[]> frames = Probe.greyFrames(gifFile, gifInfo.width(), gifInfo.height());
		assertThat(frames).hasSizeBetween(79, 81);
		int last = frames.size() - 1;
		// Mirrored: the way back shows the way there in reverse (the camera moves, so frames differ).
		assertThat(Probe.difference(frames.get(0), frames.get(last / 2))).isGreaterThan(2);
		for (int i : new int[] { 0, 10, 25 }) {
			assertThat(Probe.difference(frames.get(i), frames.get(last - i))).as("frame %d against %d", i, last - i)
				.isLessThan(Probe.difference(frames.get(i), frames.get(last / 2)) / 3);
		}

		// Every export counts toward the person's storage, under their own prefix.
		String gifKey = jdbc.sql("SELECT media_key FROM video_exports WHERE id = ?::uuid")
			.param(gif.path("id").asString())
			.query(String.class)
			.single();
		assertThat(gifKey).startsWith("exports/");
		assertThat(jdbc.sql("SELECT bytes FROM media_usage WHERE media_key = ?").param(gifKey).query(Long.class).single())
			.isEqualTo(Files.size(gifFile));

		// Deleting the video deletes its exports and their files.
		assertThat(client.delete("/api/video/" + video).status()).isEqualTo(204);
		assertThat(client.get("/api/video/exports/" + gif.path("id").asString()).status()).isEqualTo(404);
		assertThat(media.exists(gifKey)).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM media_usage WHERE media_key LIKE 'exports/%' AND media_key = ?")
			.param(gifKey)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void badValuesAreRefusedWithACodeAndNothingIsWritten() throws Exception {
		ApiClient client = ApiClient.signedUp(port);
		String video = finishedVideo(client);
		String user = client.get("/api/me").json().path("id").asString();
		long jobsBefore = exportJobs();
		String[][] cases = { { "{}", "format_required" }, { "{\"format\":\"avi\"}", "invalid_format" },
				{ "{\"format\":\"mp4\",\"speed\":3}", "invalid_speed" },
				{ "{\"format\":\"mp4\",\"speed\":0.25}", "invalid_speed" },
				{ "{\"format\":\"mp4\",\"trim\":{\"start\":4,\"end\":2}}", "invalid_trim" },
				{ "{\"format\":\"mp4\",\"trim\":{\"start\":0,\"end\":60}}", "invalid_trim" },
				{ "{\"format\":\"mp4\",\"trim\":{\"start\":-1}}", "invalid_trim" },
				{ "{\"format\":\"gif\",\"loop\":\"pingpong\"}", "invalid_loop" },
				{ "{\"format\":\"gif\",\"aspect\":\"4:3\"}", "invalid_aspect" },
				{ "{\"format\":\"gif\",\"aspect\":\"1:1\",\"focus\":{\"x\":2,\"y\":0.5}}", "invalid_focus" },
				{ "{\"format\":\"gif\",\"focus\":{\"x\":0.5,\"y\":0.5}}", "invalid_focus" },
				{ "{\"format\":\"webm\",\"width\":10}", "invalid_width" },
				{ "{\"format\":\"webm\",\"width\":4000}", "invalid_width" } };
		for (String[] bad : cases) {
			ApiClient.Response refused = client.post("/api/video/" + video + "/exports", bad[0]);
			assertThat(refused.status()).as(bad[0]).isEqualTo(400);
			assertThat(refused.code()).as(bad[0]).isEqualTo(bad[1]);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM video_exports WHERE video_id = ?::uuid").param(video)
			.query(Long.class).single()).isZero();
		assertThat(exportJobs()).isEqualTo(jobsBefore);
		try (var files = media.list("exports/" + user + "/")) {
			assertThat(files).isEmpty();
		}
	}

	private long exportJobs() {
		return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'video-export'").query(Long.class).single();
	}

	@Test
	void nobodyCanExportSomeoneElsesVideoOrReadTheirExports() {
		ApiClient owner = ApiClient.signedUp(port);
		String video = finishedVideo(owner);
		ApiClient other = ApiClient.signedUp(port);

		ApiClient.Response refused = other.post("/api/video/" + video + "/exports", "{\"format\":\"gif\"}");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.code()).isEqualTo("video_not_found");
		assertThat(other.get("/api/video/" + video + "/exports").status()).isEqualTo(404);

		ApiClient.Response mine = owner.post("/api/video/" + video + "/exports", "{\"format\":\"mp4\",\"width\":320}");
		assertThat(mine.status()).isEqualTo(202);
		String id = mine.json().path("id").asString();
		assertThat(other.get("/api/video/exports/" + id).status()).isEqualTo(404);
		assertThat(other.get("/api/video/exports/" + id + "/file").status()).isEqualTo(404);
		assertThat(other.delete("/api/video/exports/" + id).status()).isEqualTo(404);
		await().atMost(Duration.ofMinutes(2))
			.until(() -> owner.get("/api/video/exports/" + id).json().path("status").asString(), "completed"::equals);
		assertThat(other.get("/api/video/exports/" + id + "/file").status()).isEqualTo(404);
		assertThat(owner.get("/api/video/" + video + "/exports").json().path(0).path("id").asString()).isEqualTo(id);
		assertThat(owner.delete("/api/video/exports/" + id).status()).isEqualTo(204);
		assertThat(owner.get("/api/video/exports/" + id).status()).isEqualTo(404);
	}

	private JsonNode export(ApiClient client, String video, String body) {
		ApiClient.Response accepted = client.post("/api/video/" + video + "/exports", body);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.json().path("status").asString()).isEqualTo("pending");
		String id = accepted.json().path("id").asString();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(
				() -> client.get("/api/video/exports/" + id).json().path("status").asString(),
				status -> status.equals("completed") || status.equals("failed"));
		JsonNode done = client.get("/api/video/exports/" + id).json();
		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
		return done;
	}

	private static Path download(ApiClient client, JsonNode export, Path tmp) throws Exception {
		ApiClient.Response file = client.get(export.path("downloadUrl").asString());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Disposition")).contains("attachment").contains(export.path("fileName").asString());
		Path path = tmp.resolve(export.path("fileName").asString());
		Files.write(path, file.bytes());
		return path;
	}

	private String finishedVideo(ApiClient client) {
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		ApiClient.Response started = client.post("/api/video/generate", """
				{"imageId":"%s","prompt":"slow pan to the right","duration":6,"resolution":"512p"}
				""".formatted(imageId));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String id = started.json().path("id").asString();
		assertThat(studio.awaitTerminal("/api/video/" + id, Duration.ofMinutes(2)).path("status").asString())
			.isEqualTo("completed");
		return id;
	}

}
