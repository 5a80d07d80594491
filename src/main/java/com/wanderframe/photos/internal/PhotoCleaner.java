package com.wanderframe.photos.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.wanderframe.platform.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Turns an uploaded file into the photo we keep: judged by its bytes, its size read from the
 * header before a single pixel is decoded (so a small file claiming billions of pixels is
 * refused cheaply), turned upright, scaled to at most {@value #MAX_SIDE} px on the long side, and
 * written afresh from its pixels, which leaves every piece of metadata (GPS, camera, EXIF
 * thumbnail, comments) behind. Opaque photos become JPEG, ones with transparency PNG, both at 8
 * bits per channel. Decoding is budgeted by the bytes the decoded pixels take
 * ({@link DecodeBudget}), judged from the header too.
 */
class PhotoCleaner {

	static final int MAX_SIDE = 2048;

	static final long MAX_PIXELS = 40_000_000L;

	/**
	 * The most memory one photo's pixels may take once decoded: 40 megapixels at 8 bits in four
	 * channels. A file's size says nothing about it (a 300 KB PNG can claim 6000 × 6000 pixels at
	 * 16 bits in four channels, 288 MB), so it is worked out from the header.
	 */
	static final long MAX_DECODED_BYTES = MAX_PIXELS * 4;

	private static final float JPEG_QUALITY = 0.9f;

	private final DecodeBudget budget;

	record Cleaned(String contentType, String extension, int width, int height) {
	}

	PhotoCleaner(DecodeBudget budget) {
		this.budget = budget;
		// ImageIO looks for plugins once, with whatever class loader is current at the time;
		// inside a packaged Spring Boot jar that can miss TwelveMonkeys' readers. Look again, and
		// refuse to start without a WebP reader rather than fail on someone's upload later.
		ImageIO.scanForPlugins();
		for (ImageFormat format : ImageFormat.values()) {
			if (!ImageIO.getImageReadersByFormatName(format.imageIoName()).hasNext()) {
				throw new IllegalStateException("No ImageIO reader for " + format + " on the classpath");
			}
		}
	}

	Cleaned clean(Path upload, Path target) throws IOException {
		ImageFormat format = ImageFormat.sniff(upload);
		if (format == null) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"Upload a JPEG, PNG or WebP photo.");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
			int orientation = ExifOrientation.of(in, format);
			in.seek(0);
			// The metadata walk may have switched it; readers expect the default.
			in.setByteOrder(ByteOrder.BIG_ENDIAN);
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
			if (!readers.hasNext()) {
				throw new IllegalStateException("No ImageIO reader for " + format);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				Header header = header(reader);
				// Everything from decoding to writing holds its share, so the budget is real memory.
				try (DecodeBudget.Lease lease = budget.reserve(header.workingBytes())) {
					BufferedImage image = ExifOrientation.apply(decode(reader, header), orientation);
					if (hasTransparency(image)) {
						write(image, "png", null, target);
						return new Cleaned("image/png", "png", image.getWidth(), image.getHeight());
					}
					write(image, "jpeg", JPEG_QUALITY, target);
					return new Cleaned("image/jpeg", "jpg", image.getWidth(), image.getHeight());
				}
			}
			finally {
				reader.dispose();
			}
		}
	}

	/**
	 * What decoding will cost, from the header alone: no pixel is decoded before the photo is
	 * known to fit.
	 * @param bytesPerPixel as the reader will hold them (16-bit channels count twice; the photo is
	 * kept at 8 bits per channel whatever it came with)
	 */
	record Header(int width, int height, int bytesPerPixel, int subsampling) {

		long decodedBytes() {
			return (long) width * height * bytesPerPixel;
		}

		/**
		 * The subsampled decode, the halving steps of {@link #scaled} (each a quarter of the one
		 * before, in 4-byte pixels) and a few full copies of the final photo (turned upright,
		 * flattened for JPEG), roughly.
		 */
		long workingBytes() {
			long sampledPixels = (long) ceilDiv(width, subsampling) * ceilDiv(height, subsampling);
			long finalPixels = (long) MAX_SIDE * MAX_SIDE;
			return sampledPixels * bytesPerPixel + sampledPixels * 4 / 3 + 3 * finalPixels * 4;
		}

		private static int ceilDiv(int value, int divisor) {
			return (value + divisor - 1) / divisor;
		}

	}

	private static Header header(ImageReader reader) {
		int width;
		int height;
		ImageTypeSpecifier type;
		try {
			width = reader.getWidth(0);
			height = reader.getHeight(0);
			type = reader.getRawImageType(0);
			if (type == null) {
				Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
				type = types.hasNext() ? types.next() : null;
			}
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable();
		}
		if (width <= 0 || height <= 0 || type == null) {
			throw unreadable();
		}
		if ((long) width * height > MAX_PIXELS) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "photo_too_many_pixels",
					"This photo has more than 40 megapixels (" + width + " × " + height + "). "
							+ "Upload a smaller one.");
		}
		SampleModel samples = type.getSampleModel(1, 1);
		int bytesPerPixel = Math.max(1,
				samples.getNumDataElements() * DataBuffer.getDataTypeSize(samples.getDataType()) / 8);
		// Reading every n-th pixel of a huge photo saves memory and time; keeping at least
		// twice the final size leaves the real downscaling below its quality.
		int subsampling = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
		Header header = new Header(width, height, bytesPerPixel, subsampling);
		if (header.decodedBytes() > MAX_DECODED_BYTES) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "photo_too_large_to_decode",
					"This photo would take " + header.decodedBytes() / (1024 * 1024) + " MB of memory to open ("
							+ width + " × " + height + ", " + bytesPerPixel + " bytes per pixel); the most is "
							+ MAX_DECODED_BYTES / (1024 * 1024) + " MB. Save it as an 8-bit JPEG or PNG, or "
							+ "upload a smaller one.");
		}
		return header;
	}

	private static BufferedImage decode(ImageReader reader, Header header) {
		try {
			TruncationListener truncation = new TruncationListener();
			reader.addIIOReadWarningListener(truncation);
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(header.subsampling(), header.subsampling(), 0, 0);
			BufferedImage decoded = reader.read(0, param);
			if (truncation.truncated) {
				throw unreadable();
			}
			return scaled(decoded);
		}
		catch (ApiException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// Decoders signal corrupt input with anything from IIOException to
			// ArrayIndexOutOfBoundsException.
			throw unreadable();
		}
	}

	/** Scaled to fit {@value #MAX_SIDE} px, as plain RGB or ARGB whatever the source's colour model. */
	static BufferedImage scaled(BufferedImage source) {
		int width = source.getWidth();
		int height = source.getHeight();
		double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
		int targetWidth = Math.max(1, (int) Math.round(width * factor));
		int targetHeight = Math.max(1, (int) Math.round(height * factor));
		int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		BufferedImage current = source;
		// Halving repeatedly with bilinear filtering, then one last step, keeps the detail that
		// a single large bilinear or bicubic step would alias away.
		do {
			int nextWidth = Math.max(targetWidth, current.getWidth() / 2);
			int nextHeight = Math.max(targetHeight, current.getHeight() / 2);
			if (current.getWidth() / 2 < targetWidth || current.getHeight() / 2 < targetHeight) {
				nextWidth = targetWidth;
				nextHeight = targetHeight;
			}
			BufferedImage next = new BufferedImage(nextWidth, nextHeight, type);
			Graphics2D g = next.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
					nextWidth == targetWidth ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
							: RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
			g.drawImage(current, 0, 0, nextWidth, nextHeight, null);
			g.dispose();
			current = next;
		}
		while (current.getWidth() != targetWidth || current.getHeight() != targetHeight);
		return current;
	}

	private static boolean hasTransparency(BufferedImage image) {
		if (!image.getColorModel().hasAlpha()) {
			return false;
		}
		int width = image.getWidth();
		int[] row = new int[width];
		for (int y = 0; y < image.getHeight(); y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int argb : row) {
				if ((argb >>> 24) != 0xff) {
					return true;
				}
			}
		}
		return false;
	}

	private static void write(BufferedImage image, String format, Float quality, Path target) throws IOException {
		BufferedImage output = image;
		if (!"png".equals(format) && image.getColorModel().hasAlpha()) {
			// Opaque after all: JPEG wants no alpha channel.
			output = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D g = output.createGraphics();
			g.drawImage(image, 0, 0, null);
			g.dispose();
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (quality != null) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(quality);
			}
			// No metadata: nothing of the original's travels with the pixels.
			writer.write(null, new IIOImage(output, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	private static ApiException unreadable() {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "photo_unreadable",
				"This photo is damaged or incomplete, so it cannot be read. Try another file.");
	}

	/**
	 * JPEG decoders answer a cut-off file with a warning and grey pixels where the rest should
	 * be; we would rather refuse than keep half a photo.
	 */
	private static final class TruncationListener implements IIOReadWarningListener {

		boolean truncated;

		@Override
		public void warningOccurred(ImageReader source, String warning) {
			String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
			if (text.contains("premature end") || text.contains("truncat") || text.contains("end of file")
					|| text.contains("eof")) {
				truncated = true;
			}
		}

	}

}
