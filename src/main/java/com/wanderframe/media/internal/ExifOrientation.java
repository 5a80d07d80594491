package com.wanderframe.media.internal;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * The EXIF orientation of a JPEG (1 = as stored, 2-8 = mirrored and/or rotated), read with
 * TwelveMonkeys' metadata reader (already here for decoding), and applied to the pixels: we
 * write the photo without any metadata, so the rotation the tag asked viewers for has to be
 * baked in. Phones store portrait shots landscape plus a tag, so without this they would show
 * sideways.
 */
final class ExifOrientation {

	static final int NORMAL = 1;

	private ExifOrientation() {
	}

	/** @return 1-8; 1 when there is no tag or it cannot be read (a bad tag is no reason to refuse) */
	static int of(ImageInputStream jpeg) {
		try {
			jpeg.seek(0);
			List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(jpeg, JPEG.APP1, "Exif");
			if (exif.isEmpty()) {
				return NORMAL;
			}
			byte[] data;
			try (InputStream in = exif.get(0).data()) {
				data = in.readAllBytes();
			}
			// "Exif\0" is the identifier; one more NUL pads the TIFF structure that follows.
			int start = data.length > 0 && data[0] == 0 ? 1 : 0;
			try (ImageInputStream tiff = ImageIO
				.createImageInputStream(new ByteArrayInputStream(data, start, data.length - start))) {
				Directory directory = new TIFFReader().read(tiff);
				Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
				if (entry != null && entry.getValue() instanceof Number number) {
					int value = number.intValue();
					return value >= 1 && value <= 8 ? value : NORMAL;
				}
			}
			return NORMAL;
		}
		catch (IOException | RuntimeException ex) {
			return NORMAL;
		}
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
