package com.wanderframe.exports;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.wanderframe.segmentation.PersonMatte;
import com.wanderframe.segmentation.PersonSegmentation;
import com.wanderframe.segmentation.TestPortraits;
import com.wanderframe.video.TestVideos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * An export keeps the video's sound (through a trim, a speed change and a boomerang; a GIF has
 * none), and a vertical crop with no focus point named follows the person instead of the centre.
 * The video with sound comes from Veo on a fake Replicate, as in the model tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportSoundAndSubjectTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
		registry.add("wanderframe.models.default-video", () -> "local");
		registry.add("wanderframe.models.default-image", () -> "local");
		registry.add("wanderframe.video.first-poll", () -> "100ms");
		registry.add("wanderframe.video.max-poll-interval", () -> "400ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	com.wanderframe.credits.Credits credits;

	@Autowired
	PersonSegmentation segmentation;

	ApiClient client;

	Studio studio;

	@BeforeEach
	void signUp() {
		replicate.reset();
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
		credits.grant(java.util.UUID.fromString(client.get("/api/me").json().path("id").asString()), 40, "Test credits");
	}

	@Test
	void exportsKeepTheSoundThroughTrimSpeedAndBoomerangAndAGifHasNone(@TempDir Path tmp) throws Exception {
		replicate.onModel("google/veo-3-fast").respondWith(Scenario.succeeds(TestVideos.mp4WithSound(), "video/mp4"));
		String imageId = studio.imageAtLocation();
		String video = client.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"waves and gulls\",\"model\":\"google/veo-3-fast\",\"audio\":true}"
					.formatted(imageId))
			.json()
			.path("id")
			.asString();
		assertThat(studio.awaitTerminal("/api/video/" + video, Duration.ofMinutes(1)).path("status").asString())
			.isEqualTo("completed");
		Path original = tmp.resolve("original.mp4");
		Files.write(original, client.get("/api/video/" + video + "/video.mp4").bytes());
		Probe.Sound source = Probe.sound(original);
		assertThat(source.codec()).isEqualTo("aac");
		assertThat(source.seconds()).isCloseTo(2.0, within(0.1));

		JsonNode wholeExport = export(video, "{\"format\":\"mp4\",\"width\":320}");
		assertThat(wholeExport.path("output").path("sound").asBoolean()).as(wholeExport.toString()).isTrue();
		Path whole = download(wholeExport, tmp);
		Probe.Sound wholeSound = Probe.sound(whole);
		assertThat(wholeSound.codec()).isEqualTo("aac");
		assertThat(wholeSound.seconds()).isCloseTo(Probe.of(whole).seconds(), within(0.15));
		assertThat(wholeSound.loudness()).isCloseTo(source.loudness(), within(source.loudness() * 0.2));

		// One second of it at double speed: half a second of sound, as long as the picture.
		Path fast = download(export(video, "{\"format\":\"mp4\",\"trim\":{\"start\":0.5,\"end\":1.5},\"speed\":2,\"width\":320}"), tmp);
		Probe.Sound fastSound = Probe.sound(fast);
		assertThat(fastSound.codec()).isEqualTo("aac");
		assertThat(fastSound.seconds()).isCloseTo(0.5, within(0.1));
		assertThat(Probe.of(fast).seconds()).isCloseTo(0.5, within(0.1));
		assertThat(fastSound.loudness()).isGreaterThan(source.loudness() * 0.5);

		// A WebM boomerang: the sound there and back (reversed on the way back), twice as long.
		Path boomerang = download(export(video, "{\"format\":\"webm\",\"loop\":\"boomerang\",\"width\":320}"), tmp);
		Probe.Sound boomerangSound = Probe.sound(boomerang);
		assertThat(boomerangSound.codec()).isEqualTo("opus");
		assertThat(boomerangSound.seconds()).isCloseTo(4.0, within(0.15));
		assertThat(Probe.of(boomerang).seconds()).isCloseTo(4.0, within(0.15));

		JsonNode gifExport = export(video, "{\"format\":\"gif\",\"trim\":{\"start\":0,\"end\":1}}");
		assertThat(gifExport.path("output").path("sound").asBoolean()).isFalse();
		assertThat(Probe.sound(download(gifExport, tmp))).isNull();
	}

	@Test
	void aVerticalExportWithNoFocusPointFollowsThePersonNotTheCentre(@TempDir Path tmp) throws Exception {
		assertThat(segmentation.available()).as("the segmentation model is part of the build").isTrue();
		ApiClient.Response photo = studio.uploadPhoto(Files.readAllBytes(TestPortraits.astronautFile()), "astronaut.png",
				"image/png");
		assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
		// In Santorini the person stands right of the middle.
		String imageId = client.post("/api/images", "{\"photoId\":\"%s\",\"location\":\"santorini\"}"
			.formatted(photo.json().path("id").asString())).json().path("id").asString();
		JsonNode image = studio.awaitTerminal("/api/images/" + imageId, Duration.ofMinutes(2));
		JsonNode subject = image.path("subject");
		assertThat(subject.isObject()).as(image.toString()).isTrue();
		double personAcross = (subject.path("x").asDouble() + subject.path("width").asDouble() / 2) / 1920;
		assertThat(personAcross).as("the person is off-centre").isGreaterThan(0.6);
		ApiClient.Response started = client.post("/api/video/generate", ("{\"imageId\":\"%s\",\"prompt\":\"static camera\","
				+ "\"model\":\"local/motion\",\"duration\":6,\"resolution\":\"512p\"}").formatted(imageId));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String video = started.json().path("id").asString();
		assertThat(studio.awaitTerminal("/api/video/" + video, Duration.ofMinutes(2)).path("status").asString())
			.isEqualTo("completed");

		JsonNode tall = export(video, "{\"format\":\"mp4\",\"aspect\":\"9:16\",\"trim\":{\"start\":0,\"end\":1}}");

		// The export says where it centred: on the person.
		assertThat(tall.path("focus").path("x").asDouble()).isCloseTo(personAcross, within(0.06));
		Path file = download(tall, tmp);
		BufferedImage frame = Probe.firstFrame(file);
		assertThat((double) frame.getWidth() / frame.getHeight()).isCloseTo(9 / 16.0, within(0.02));
		PersonMatte person = segmentation.find(frame).orElseThrow(() -> new AssertionError("nobody in the export"));
		Rectangle bounds = person.bounds();
		double centre = (bounds.x + bounds.width / 2.0) / person.width();
		assertThat(centre).as("the person is in the middle of the tall frame").isBetween(0.3, 0.7);
		// A video without sound gives an export without sound.
		assertThat(Probe.sound(file)).isNull();
		assertThat(tall.path("output").path("sound").asBoolean()).isFalse();

		// Where the person names a point, that point wins.
		JsonNode left = export(video, "{\"format\":\"mp4\",\"aspect\":\"9:16\",\"focus\":{\"x\":0,\"y\":0.5},"
				+ "\"trim\":{\"start\":0,\"end\":1}}");
		assertThat(left.path("focus").path("x").asDouble()).isZero();
	}

	private JsonNode export(String video, String body) {
		ApiClient.Response accepted = client.post("/api/video/" + video + "/exports", body);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String id = accepted.json().path("id").asString();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(
				() -> client.get("/api/video/exports/" + id).json().path("status").asString(),
				status -> status.equals("completed") || status.equals("failed"));
		JsonNode done = client.get("/api/video/exports/" + id).json();
		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
		return done;
	}

	private Path download(JsonNode export, Path tmp) throws Exception {
		ApiClient.Response file = client.get(export.path("downloadUrl").asString());
		assertThat(file.status()).isEqualTo(200);
		Path path = tmp.resolve(export.path("id").asString() + "." + export.path("format").asString());
		Files.write(path, file.bytes());
		return path;
	}

}
