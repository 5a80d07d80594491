package com.wanderframe.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Real files of every kind the photo intake must accept or refuse, made byte by byte where no
 * encoder is at hand.
 */
public final class TestImages {

	private TestImages() {
	}

	/** An image whose top half is red and bottom half blue. */
	public static BufferedImage redOverBlue(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width, height / 2);
		g.setColor(Color.BLUE);
		g.fillRect(0, height / 2, width, height - height / 2);
		g.dispose();
		return image;
	}

	public static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static BufferedImage decode(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PNG that is a few kilobytes on disk and claims 50,000 × 50,000 pixels (7.5 GB once
	 * decoded): a decompression bomb.
	 */
	public static byte[] pngBomb() {
		ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
		ihdr.putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(new byte[4 * 1024 * 1024]);
		deflater.finish();
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			idat.write(buffer, 0, deflater.deflate(buffer));
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		pngChunk(png, "IHDR", ihdr.array());
		pngChunk(png, "IDAT", idat.toByteArray());
		pngChunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	/**
	 * A PNG with 16 bits in each of red, green, blue and alpha (8 bytes a pixel once decoded),
	 * compressed row by row so that even a huge one never exists decoded in this JVM. Every pixel
	 * is {@code rgba} (four 16-bit values); all-zero pixels compress about a thousand to one.
	 */
	public static byte[] png16BitRgba(int width, int height, int... rgba) {
		return pngRgba(width, height, 16, rgba);
	}

	/** The same at 8 bits a channel (4 bytes a pixel once decoded); {@code rgba} are four 8-bit values. */
	public static byte[] png8BitRgba(int width, int height, int... rgba) {
		return pngRgba(width, height, 8, rgba);
	}

	private static byte[] pngRgba(int width, int height, int bits, int... rgba) {
		int bytes = bits / 8;
		ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
		ihdr.putInt(width).putInt(height).put((byte) bits).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
		byte[] row = new byte[1 + width * 4 * bytes];
		for (int x = 0; x < width; x++) {
			for (int channel = 0; channel < 4; channel++) {
				for (int b = 0; b < bytes; b++) {
					row[1 + (x * 4 + channel) * bytes + b] = (byte) (rgba[channel] >>> (8 * (bytes - 1 - b)));
				}
			}
		}
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		for (int y = 0; y < height; y++) {
			deflater.setInput(row);
			while (!deflater.needsInput()) {
				idat.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			idat.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		pngChunk(png, "IHDR", ihdr.array());
		pngChunk(png, "IDAT", idat.toByteArray());
		pngChunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void pngChunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(typeBytes);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** The start of a PDF document: what a renamed PDF looks like to us. */
	public static byte[] pdf() {
		return """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A JPEG with an EXIF block like a phone writes: an orientation tag, a description and GPS
	 * coordinates (N 48°51'29", E 2°17'40"). The APP1 segment is assembled by hand (TIFF
	 * structure, little-endian) and placed right after the JPEG's SOI marker.
	 */
	public static byte[] withExif(byte[] jpeg, int orientation, String description) {
		byte[] tiffBytes = exif(orientation, description);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xff);
		out.write(0xd8);
		out.write(0xff);
		out.write(0xe1);
		int length = 2 + 6 + tiffBytes.length;
		out.write(length >> 8);
		out.write(length & 0xff);
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(tiffBytes);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** A PNG with the same EXIF block in an {@code eXIf} chunk right after its header. */
	public static byte[] pngWithExif(byte[] png, int orientation, String description) {
		int afterHeader = 8 + 4 + 4 + 13 + 4;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, afterHeader);
		pngChunk(out, "eXIf", exif(orientation, description));
		out.write(png, afterHeader, png.length - afterHeader);
		return out.toByteArray();
	}

	/** The TIFF structure of an EXIF block: orientation, description, GPS position. */
	public static byte[] exif(int orientation, String description) {
		byte[] descriptionBytes = (description + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		// IFD0 at 8: 3 entries (12 bytes each) + next-IFD offset
		int ifd0Size = 2 + 3 * 12 + 4;
		int descriptionOffset = 8 + ifd0Size;
		int gpsOffset = descriptionOffset + descriptionBytes.length + (descriptionBytes.length % 2);
		tiff.putShort((short) 3);
		entry(tiff, 0x010E, 2, descriptionBytes.length, descriptionOffset); // ImageDescription
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		entry(tiff, 0x8825, 4, 1, gpsOffset); // GPS IFD pointer
		tiff.putInt(0);
		tiff.put(descriptionBytes);
		if (descriptionBytes.length % 2 == 1) {
			tiff.put((byte) 0);
		}
		// GPS IFD: LatitudeRef, Latitude, LongitudeRef, Longitude
		int gpsSize = 2 + 4 * 12 + 4;
		int latitudeOffset = gpsOffset + gpsSize;
		int longitudeOffset = latitudeOffset + 24;
		tiff.putShort((short) 4);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(tiff, 2, 5, 3, latitudeOffset);
		tiff.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
		entry(tiff, 4, 5, 3, longitudeOffset);
		tiff.putInt(0);
		tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(29).putInt(1);
		tiff.putInt(2).putInt(1).putInt(17).putInt(1).putInt(40).putInt(1);
		return Arrays.copyOf(tiff.array(), tiff.position());
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
	}

	/**
	 * A lossless WebP (VP8L) of the red-over-blue image, written with the format's "simple"
	 * prefix codes: every channel has at most two values, so each costs at most one bit per
	 * pixel and no Huffman tables are needed. (No WebP encoder is available to Java here:
	 * TwelveMonkeys reads WebP but does not write it.)
	 */
	public static byte[] redOverBlueWebp(int width, int height) {
		return riff(webpChunk("VP8L", vp8l(width, height)));
	}

	/** The extended WebP form: a VP8X header announcing EXIF, the image, then the EXIF chunk. */
	public static byte[] redOverBlueWebp(int width, int height, int orientation, String description) {
		return redOverBlueWebpWithExifChunk(width, height, exif(orientation, description));
	}

	/** The extended WebP form with {@code exifChunk} as the EXIF chunk's content, as its writer left it. */
	public static byte[] redOverBlueWebpWithExifChunk(int width, int height, byte[] exifChunk) {
		ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
		vp8x.put((byte) 0x08).put((byte) 0).put((byte) 0).put((byte) 0);
		vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
		vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		chunks.writeBytes(webpChunk("VP8X", vp8x.array()));
		chunks.writeBytes(webpChunk("VP8L", vp8l(width, height)));
		chunks.writeBytes(webpChunk("EXIF", exifChunk));
		return riff(chunks.toByteArray());
	}

	private static byte[] riff(byte[] chunks) {
		ByteBuffer riff = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length);
		riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
		riff.put(chunks);
		return riff.array();
	}

	private static byte[] webpChunk(String type, byte[] data) {
		int padded = data.length + (data.length % 2);
		ByteBuffer chunk = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
		return chunk.array();
	}

	private static byte[] vp8l(int width, int height) {
		BitWriter bits = new BitWriter();
		bits.write(width - 1, 14);
		bits.write(height - 1, 14);
		bits.write(0, 1); // no alpha
		bits.write(0, 3); // version 0
		bits.write(0, 1); // no transforms
		bits.write(0, 1); // no colour cache
		bits.write(0, 1); // a single prefix code group
		simpleCode(bits, 0); // green: always 0
		simpleCode(bits, 0, 255); // red: 0 or 255
		simpleCode(bits, 0, 255); // blue: 0 or 255
		simpleCode(bits, 255); // alpha: always opaque
		simpleCode(bits, 0); // distances: unused
		for (int y = 0; y < height; y++) {
			boolean red = y < height / 2;
			for (int x = 0; x < width; x++) {
				bits.write(red ? 1 : 0, 1); // red channel: 255 for red
				bits.write(red ? 0 : 1, 1); // blue channel: 255 for blue
			}
		}
		ByteArrayOutputStream chunk = new ByteArrayOutputStream();
		chunk.write(0x2f); // VP8L signature
		chunk.writeBytes(bits.toByteArray());
		return chunk.toByteArray();
	}

	private static void simpleCode(BitWriter bits, int... symbols) {
		bits.write(1, 1); // simple code
		bits.write(symbols.length - 1, 1);
		bits.write(1, 1); // first symbol in 8 bits
		bits.write(symbols[0], 8);
		if (symbols.length == 2) {
			bits.write(symbols[1], 8);
		}
	}

	/** Least significant bit first, as VP8L reads. */
	private static final class BitWriter {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private int current;

		private int used;

		void write(int value, int count) {
			for (int i = 0; i < count; i++) {
				current |= ((value >> i) & 1) << used;
				used++;
				if (used == 8) {
					out.write(current);
					current = 0;
					used = 0;
				}
			}
		}

		byte[] toByteArray() {
			if (used > 0) {
				out.write(current);
				current = 0;
				used = 0;
			}
			return out.toByteArray();
		}

	}

}
