package com.wanderframe.imaging.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.wanderframe.generation.Failure;
import com.wanderframe.generation.GenerationFailedException;
import com.wanderframe.generation.GenerationInputs;
import com.wanderframe.generation.GenerationKind;
import com.wanderframe.generation.GenerationRow;
import com.wanderframe.generation.GenerationTable;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.generation.Timing;
import com.wanderframe.imaging.ImageLayers;
import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import com.wanderframe.media.MediaStore;
import com.wanderframe.photos.PhotoId;
import com.wanderframe.photos.Photos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Step 3 as the engine sees it: the photo and the place go in; a JPEG comes out, kept under
 * {@code images/<user>/<id>.jpg} before the row claims it.
 */
@Component
class ImagingKind implements GenerationKind {

	private static final Logger log = LoggerFactory.getLogger(ImagingKind.class);

	static final String LOCATION = "location";

	private final GeneratedImages images;

	private final Photos photos;

	private final Locations locations;

	private final MediaStore media;

	private final ImagingProperties properties;

	ImagingKind(GeneratedImages images, Photos photos, Locations locations, MediaStore media,
			ImagingProperties properties) {
		this.images = images;
		this.photos = photos;
		this.locations = locations;
		this.media = media;
		this.properties = properties;
	}

	@Override
	public ModelKind kind() {
		return ModelKind.IMAGE;
	}

	@Override
	public String noun() {
		return "picture";
	}

	@Override
	public GenerationTable table() {
		return images.table();
	}

	@Override
	public Timing timing() {
		return new Timing(properties.timeout(), properties.pollInterval(), properties.maxPollInterval(),
				properties.reconciliationPoll(), true);
	}

	@Override
	public GenerationInputs inputs(GenerationRow row) {
		GeneratedImages.Row image = images.row(row.id().value()).orElseThrow();
		Location location = locations.find(image.location())
			.orElseThrow(() -> new GenerationFailedException(Failure.Reason.SOURCE_UNAVAILABLE,
					"location " + image.location() + " is no longer offered"));
		String photoKey = photos.find(new PhotoId(image.photoId()))
			.orElseThrow(() -> new GenerationFailedException(Failure.Reason.SOURCE_UNAVAILABLE,
					"photo " + image.photoId() + " was deleted"))
			.mediaKey();
		return GenerationInputs.image(prompt(location), photoKey, Map.of(LOCATION, location.slug()));
	}

	/** What every image model is told: the place, and to keep the person as they are. */
	static String prompt(Location location) {
		return "Place the person from this photo into a new scene: " + location.scene() + ". "
				+ "Keep the person's face, identity, skin tone, hairstyle and clothing exactly the same as in the photo. "
				+ "Show them naturally in the foreground, lit by the light of the scene, as a realistic, sharp travel "
				+ "photograph in a wide 16:9 composition.";
	}

	@Override
	public void complete(GenerationRow row, Path output) throws IOException {
		int[] size = jpegSize(output);
		String key = "images/" + row.userId() + "/" + row.id() + ".jpg";
		media.put(key, output, "image/jpeg");
		// The local compositor leaves the picture's layers beside it (for the motion renderer).
		ImageLayers.store(media, key, LocalCompositor.layersDirectory(output));
		if (!images.table()
			.complete(row.id(), Map.of("media_key", key, "content_type", "image/jpeg", "width", size[0], "height",
					size[1]))) {
			// Failed meanwhile (and refunded): the picture must not outlive its row's claim.
			ImageLayers.delete(media, key);
			media.delete(key);
		}
	}

	/**
	 * The output's size; a picture in another format (some models answer PNG or WebP) is
	 * re-encoded as JPEG in place, and anything that is no picture fails the image.
	 */
	private static int[] jpegSize(Path file) throws IOException {
		String format;
		int width;
		int height;
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new GenerationFailedException(Failure.Reason.OUTPUT_INVALID, "not a picture");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				format = reader.getFormatName();
				width = reader.getWidth(0);
				height = reader.getHeight(0);
			}
			catch (IOException ex) {
				throw new GenerationFailedException(Failure.Reason.OUTPUT_INVALID, "unreadable picture", ex);
			}
			finally {
				reader.dispose();
			}
		}
		if (!"jpeg".equalsIgnoreCase(format)) {
			BufferedImage image = ImageIO.read(file.toFile());
			if (image == null) {
				throw new GenerationFailedException(Failure.Reason.OUTPUT_INVALID, "unreadable " + format);
			}
			BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
			if (!ImageIO.write(rgb, "jpg", file.toFile())) {
				throw new IOException("No JPEG writer");
			}
			log.debug("Re-encoded a {} output as JPEG", format);
		}
		return new int[] { width, height };
	}

}
