package com.wanderframe.photos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The photo formats we accept, recognised by their first bytes: a file's name and the type a
 * browser declares for it are whatever the sender says they are.
 */
enum ImageFormat {

	JPEG("jpeg"), PNG("png"), WEBP("webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String imageIoName;

	ImageFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	String imageIoName() {
		return imageIoName;
	}

	/** @return the format, or null when the bytes are none of ours */
	static ImageFormat sniff(Path file) throws IOException {
		byte[] head = new byte[12];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (read >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
			return JPEG;
		}
		if (read >= 8 && Arrays.equals(head, 0, 8, PNG_SIGNATURE, 0, 8)) {
			return PNG;
		}
		if (read >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W'
				&& head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
			return WEBP;
		}
		return null;
	}

}
