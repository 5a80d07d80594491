package com.wanderframe.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaStore;

/**
 * The depth layers a generated image was made from, kept in the media store beside it
 * ({@code <image key>.layers/}): the painted backdrop's sky, far, middle and near layers, the
 * subject with its matte, the caption and vignette in front, and {@code scene.json} (written
 * last, so a manifest means every layer is there). A photo with nobody in it, framed as a print,
 * keeps two: the print in its backdrop and the caption, with no subject. Images made elsewhere
 * (uploads, Replicate's) have none.
 */
public final class ImageLayers {

	public static final String MANIFEST = "scene.json";

	/** Where the person stands in the image, in its pixels. */
	public record Subject(int x, int y, int width, int height) {
	}

	/** @param depth 0 for the farthest, growing toward the viewer; the subject is the nearest */
	public record Layer(String name, int depth, String mediaKey) {
	}

	/**
	 * @param location the slug of the place the layers were painted from
	 * @param subject where the person stands, or null when nobody is in the picture (a print)
	 */
	public record Manifest(int width, int height, String location, Subject subject, List<Layer> layers) {
	}

	private static final Pattern SUBJECT = Pattern
		.compile("\"subject\":\\{\"x\":(\\d+),\"y\":(\\d+),\"width\":(\\d+),\"height\":(\\d+)}");

	private static final Pattern NO_SUBJECT = Pattern.compile("\"subject\":null");

	private static final Pattern SIZE = Pattern.compile("\"width\":(\\d+),\"height\":(\\d+),\"location\":\"([a-z0-9-]+)\",");

	private static final Pattern LAYER = Pattern.compile("\\{\"name\":\"([a-z]+)\",\"depth\":(\\d+),\"file\":\"([a-z]+\\.png)\"}");

	private ImageLayers() {
	}

	public static String prefix(String imageKey) {
		return imageKey + ".layers/";
	}

	/** The image a stored key belongs to: itself, or the image whose layers it is one of. */
	public static String imageKeyOf(String key) {
		int layers = key.indexOf(prefix(""));
		return layers < 0 ? key : key.substring(0, layers);
	}

	/** Copies a directory of layers (with its manifest) into the store beside the image, manifest last. */
	public static void store(MediaStore store, String imageKey, Path directory) throws IOException {
		if (!Files.isRegularFile(directory.resolve(MANIFEST))) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.png")) {
			for (Path file : files) {
				store.put(prefix(imageKey) + file.getFileName(), file, "image/png");
			}
		}
		store.put(prefix(imageKey) + MANIFEST, directory.resolve(MANIFEST), "application/json");
	}

	/** Removes what {@link #store} put there (nothing there is not an error). */
	public static void delete(MediaStore store, String imageKey) throws IOException {
		Optional<Manifest> manifest = read(store, imageKey);
		store.delete(prefix(imageKey) + MANIFEST);
		if (manifest.isPresent()) {
			for (Layer layer : manifest.get().layers()) {
				store.delete(layer.mediaKey());
			}
		}
	}

	/** The image's layers, or empty when it was made without any. */
	public static Optional<Manifest> read(MediaStore store, String imageKey) throws IOException {
		if (imageKey == null) {
			return Optional.empty();
		}
		String json;
		try (InputStream in = store.open(prefix(imageKey) + MANIFEST)) {
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (MediaNotFoundException ex) {
			return Optional.empty();
		}
		return Optional.of(parse(json, imageKey));
	}

	/** The manifest's own small format, written by the local compositor. */
	static Manifest parse(String json, String imageKey) {
		Matcher size = SIZE.matcher(json);
		Matcher subject = SUBJECT.matcher(json);
		boolean someone = subject.find();
		if (!size.find() || !someone && !NO_SUBJECT.matcher(json).find()) {
			throw new IllegalStateException("Not a layers manifest: " + json);
		}
		List<Layer> layers = new ArrayList<>();
		Matcher layer = LAYER.matcher(json);
		while (layer.find()) {
			layers.add(new Layer(layer.group(1), Integer.parseInt(layer.group(2)), prefix(imageKey) + layer.group(3)));
		}
		return new Manifest(Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)), size.group(3),
				someone ? new Subject(Integer.parseInt(subject.group(1)), Integer.parseInt(subject.group(2)),
						Integer.parseInt(subject.group(3)), Integer.parseInt(subject.group(4))) : null,
				List.copyOf(layers));
	}

}
