package com.wanderframe.location.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.wanderframe.location.Locations;

import org.springframework.stereotype.Component;

/** Small JPEGs of the backdrops for the picker, made once and kept (about 40 KB each). */
@Component
class LocationPreviews {

	static final int WIDTH = 640;

	static final int HEIGHT = 360;

	record Preview(byte[] jpeg, String etag) {
	}

	private final Locations locations;

	private final Map<String, Preview> previews = new ConcurrentHashMap<>();

	LocationPreviews(Locations locations) {
		this.locations = locations;
	}

	Preview of(String slug) {
		Preview cached = previews.get(slug);
		if (cached != null) {
			return cached;
		}
		byte[] jpeg = jpeg(downscale(locations.backdrop(slug), WIDTH, HEIGHT), 0.85f);
		Preview preview = new Preview(jpeg, "\"" + sha256(jpeg).substring(0, 32) + "\"");
		previews.put(slug, preview);
		return preview;
	}

	/** Halves while more than twice too big, so the small picture stays crisp, not aliased. */
	static BufferedImage downscale(BufferedImage source, int width, int height) {
		BufferedImage current = source;
		while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
			current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
		}
		return resize(current, width, height);
	}

	private static BufferedImage resize(BufferedImage source, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		return target;
	}

	static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
