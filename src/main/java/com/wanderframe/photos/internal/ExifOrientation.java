package com.wanderframe.photos.internal;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * The EXIF orientation of a photo (1 = as stored, 2-8 = mirrored and/or rotated), from a JPEG's
 * APP1 segment, a PNG's {@code eXIf} chunk or a WebP's {@code EXIF} chunk, read with
 * TwelveMonkeys' TIFF reader (already here for decoding), and applied to the pixels: we
 * write the photo without any metadata, so the rotation the tag asked viewers for has to be
 * baked in. Phones store portrait shots landscape plus a tag, so without this they would show
 * sideways.
 */
final class ExifOrientation {

	static final int NORMAL = 1;

	private ExifOrientation() {
	}

	/** @return 1-8; 1 when there is no tag or it cannot be read (a bad tag is no reason to refuse) */
	static int of(ImageInputStream image, ImageFormat format) {
		try {
			image.seek(0);
			byte[] exif = switch (format) {
				case JPEG -> jpegExif(image);
				case PNG -> pngExif(image);
				case WEBP -> webpExif(image);
			};
			return exif == null ? NORMAL : orientationOf(exif);
		}
		catch (IOException | RuntimeException ex) {
			return NORMAL;
		}
	}

	private static int orientationOf(byte[] exif) throws IOException {
		// Some writers keep the JPEG identifier "Exif\0\0" in front of the TIFF structure.
		int start = exif.length > 6 && exif[0] == 'E' && exif[1] == 'x' && exif[4] == 0 ? 6 : 0;
		try (ImageInputStream tiff = ImageIO
			.createImageInputStream(new ByteArrayInputStream(exif, start, exif.length - start))) {
			Directory directory = new TIFFReader().read(tiff);
			Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
			if (entry != null && entry.getValue() instanceof Number number) {
				int value = number.intValue();
				return value >= 1 && value <= 8 ? value : NORMAL;
			}
			return NORMAL;
		}
	}

	private static byte[] jpegExif(ImageInputStream jpeg) throws IOException {
		List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(jpeg, JPEG.APP1, "Exif");
		if (exif.isEmpty()) {
			return null;
		}
		try (InputStream in = exif.get(0).data()) {
			byte[] data = in.readAllBytes();
			// The identifier "Exif\0" is consumed; one more NUL pads the TIFF structure after it.
			return data.length > 0 && data[0] == 0 ? Arrays.copyOfRange(data, 1, data.length) : data;
		}
	}

	/** The {@code eXIf} chunk, which the PNG specification places before the image data. */
	private static byte[] pngExif(ImageInputStream png) throws IOException {
		png.setByteOrder(ByteOrder.BIG_ENDIAN);
		png.seek(8);
		while (true) {
			long length = png.readUnsignedInt();
			String type = chunkType(png);
			if (type.equals("eXIf")) {
				return readChunk(png, length);
			}
			if (type.equals("IDAT") || type.equals("IEND")) {
				return null;
			}
			png.seek(png.getStreamPosition() + length + 4); // data and CRC
		}
	}

	/** The {@code EXIF} chunk of an extended WebP, usually after the image data. */
	private static byte[] webpExif(ImageInputStream webp) throws IOException {
		webp.setByteOrder(ByteOrder.LITTLE_ENDIAN);
		webp.seek(12);
		while (true) {
			String type = chunkType(webp);
			long length = webp.readUnsignedInt();
			if (type.equals("EXIF")) {
				return readChunk(webp, length);
			}
			webp.seek(webp.getStreamPosition() + length + (length & 1)); // data and padding
		}
	}

	private static String chunkType(ImageInputStream in) throws IOException {
		byte[] type = new byte[4];
		in.readFully(type);
		return new String(type, StandardCharsets.US_ASCII);
	}

	private static byte[] readChunk(ImageInputStream in, long length) throws IOException {
		// An orientation tag sits in the first few hundred bytes; no real EXIF block is this big.
		if (length > 1024 * 1024) {
			return null;
		}
		byte[] data = new byte[(int) length];
		in.readFully(data);
		return data;
	}

	/** The image as it should be seen; a new image unless the orientation is normal. */
	static BufferedImage apply(BufferedImage image, int orientation) {
		if (orientation <= NORMAL || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swaps = orientation >= 5;
		// Where each source point lands, as x' = m00*x + m01*y + m02 and y' = m10*x + m11*y + m12.
		AffineTransform t = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored left-right
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored top-bottom
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // shown after turning 90 clockwise
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
			default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: shown after turning 90 counter-clockwise
		};
		BufferedImage rotated = new BufferedImage(swaps ? h : w, swaps ? w : h, image.getType());
		var g = rotated.createGraphics();
		g.drawImage(image, t, null);
		g.dispose();
		return rotated;
	}

}
