package com.wanderframe;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Walks a person through the studio's steps over the HTTP API, for tests of the later steps.
 */
public final class Studio {

	private final ApiClient client;

	public Studio(ApiClient client) {
		this.client = client;
	}

	/** A portrait-ish JPEG with a gradient and a face-like disc, like a person's selfie. */
	public static byte[] selfieJpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 170, 90)));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(235, 200, 170));
		g.fillOval(width / 3, height / 5, width / 3, height / 2);
		g.setColor(new Color(30, 30, 30));
		g.fillRect(width / 4, height * 3 / 4, width / 2, height / 4);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public ApiClient.Response uploadPhoto(byte[] bytes, String filename, String contentType) {
		String boundary = "----wanderframe" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.send(client.request("/api/photos")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	public String uploadSelfie() {
		ApiClient.Response photo = uploadPhoto(selfieJpeg(800, 1000), "me.jpg", "image/jpeg");
		if (photo.status() != 201) {
			throw new IllegalStateException("upload failed: " + photo);
		}
		return photo.json().path("id").asString();
	}

	public String firstLocation() {
		return client.get("/api/locations").json().get(0).path("slug").asString();
	}

	/** Steps 1–3: a finished image of the person at a location; returns its id. */
	public String imageAtLocation() {
		String photoId = uploadSelfie();
		ApiClient.Response started = client.post("/api/images",
				"{\"photoId\":\"" + photoId + "\",\"location\":\"" + firstLocation() + "\"}");
		if (started.status() != 202) {
			throw new IllegalStateException("image generation refused: " + started);
		}
		String id = started.json().path("id").asString();
		JsonNode image = awaitTerminal("/api/images/" + id, Duration.ofMinutes(1));
		if (!"completed".equals(image.path("status").asString())) {
			throw new IllegalStateException("image generation failed: " + image);
		}
		return id;
	}

	public int credits() {
		return client.get("/api/me").json().path("credits").asInt();
	}

	/** Polls a generation until it is completed or failed. */
	public JsonNode awaitTerminal(String path, Duration atMost) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = client.get(path).json();
			String status = last[0].path("status").asString();
			return status.equals("completed") || status.equals("failed");
		});
		return last[0];
	}

}
