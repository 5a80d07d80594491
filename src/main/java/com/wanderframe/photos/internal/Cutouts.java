package com.wanderframe.photos.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.wanderframe.media.MediaStore;
import com.wanderframe.segmentation.PersonMatte;
import com.wanderframe.segmentation.PersonSegmentation;

import org.springframework.stereotype.Service;

/**
 * The person cut out of a photo, as a PNG with alpha, made on first request and kept beside the
 * photo ({@code <photo key>.cutout.png}, or {@code <photo key>.no-person} when there is nobody
 * to cut out), so the model runs once per photo.
 */
@Service
class Cutouts {

	private static final byte[] NOBODY = new byte[0];

	private final MediaStore store;

	private final PersonSegmentation segmentation;

	Cutouts(MediaStore store, PersonSegmentation segmentation) {
		this.store = store;
		this.segmentation = segmentation;
	}

	static String cutoutKey(String photoKey) {
		return photoKey + ".cutout.png";
	}

	static String nobodyKey(String photoKey) {
		return photoKey + ".no-person";
	}

	/** Everything kept beside a photo, removed with it. */
	static List<String> keysBeside(String photoKey) {
		return List.of(cutoutKey(photoKey), nobodyKey(photoKey));
	}

	/** The photo a stored key belongs to: itself, or the photo it was cut out of. */
	static String photoKeyOf(String key) {
		for (String suffix : new String[] { cutoutKey(""), nobodyKey("") }) {
			if (key.endsWith(suffix)) {
				return key.substring(0, key.length() - suffix.length());
			}
		}
		return key;
	}

	/** The media key of the photo's cut-out, or empty when no person was found in it. */
	Optional<String> of(PhotoLibrary.Photo photo) {
		String cutout = cutoutKey(photo.mediaKey());
		String nobody = nobodyKey(photo.mediaKey());
		try {
			if (store.exists(cutout)) {
				return Optional.of(cutout);
			}
			if (store.exists(nobody)) {
				return Optional.empty();
			}
			BufferedImage image;
			try (InputStream in = store.open(photo.mediaKey())) {
				image = ImageIO.read(in);
			}
			Optional<PersonMatte> person = image == null ? Optional.empty() : segmentation.find(image);
			if (person.isEmpty()) {
				// Without a model nothing is remembered: a build with one may find the person later.
				if (segmentation.available()) {
					store.put(nobody, NOBODY, "application/octet-stream");
				}
				return Optional.empty();
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(person.get().cutout(), "png", png);
			store.put(cutout, png.toByteArray(), "image/png");
			return Optional.of(cutout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
