package com.wanderframe.video.internal.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The source picture converted once to BT.709 limited-range Y'CbCr: a full-size luma plane and
 * half-size chroma planes (each chroma sample the average of a 2x2 block), every plane with a
 * one-pixel border copied from its edge so bilinear sampling never needs a bounds check. Each
 * entry holds a pixel with its right, lower and lower-right neighbours, so one bilinear sample
 * is one memory read.
 * <p>
 * Rendering samples these planes straight into the encoder's 4:2:0 frames: no RGB frames, no
 * colour conversion per frame, and 1.5 bilinear samples per output pixel.
 */
final class SourcePlanes {

	private static final double KR = 0.2126, KB = 0.0722, KG = 1 - KR - KB;

	/** Luma size without the border; always even. */
	final int width, height;

	/** Luma, each entry a pixel with its neighbours (see {@link #quads}). */
	private final int[] lumaQuads;

	/** Cb quads in the low half, Cr quads in the high half. */
	private final long[] chromaQuads;

	private final int lumaStride, chromaStride;

	private SourcePlanes(int[] rgb, int width, int height) {
		this.width = width;
		this.height = height;
		this.lumaStride = width + 2;
		byte[] luma = new byte[lumaStride * (height + 2)];
		int[] yr = new int[256], yg = new int[256], yb = new int[256];
		for (int c = 0; c < 256; c++) {
			// 16.16 fixed point, Y' = 16 + 219 (Kr R + Kg G + Kb B) / 255
			yr[c] = (int) Math.round(KR * 219 / 255 * c * 65536);
			yg[c] = (int) Math.round(KG * 219 / 255 * c * 65536);
			yb[c] = (int) Math.round(KB * 219 / 255 * c * 65536);
		}
		for (int y = 0; y < height; y++) {
			int in = y * width, out = (y + 1) * lumaStride + 1;
			for (int x = 0; x < width; x++) {
				int p = rgb[in + x];
				luma[out + x] = (byte) ((yr[(p >> 16) & 0xFF] + yg[(p >> 8) & 0xFF] + yb[p & 0xFF] + (16 << 16)
						+ 32768) >> 16);
			}
		}
		padEdges(luma, width, height, lumaStride);

		int chromaWidth = width / 2, chromaHeight = height / 2;
		this.chromaStride = chromaWidth + 2;
		byte[] cb = new byte[chromaStride * (chromaHeight + 2)];
		byte[] cr = new byte[chromaStride * (chromaHeight + 2)];
		for (int y = 0; y < chromaHeight; y++) {
			int out = (y + 1) * chromaStride + 1;
			for (int x = 0; x < chromaWidth; x++) {
				int i = 2 * y * width + 2 * x;
				int p00 = rgb[i], p01 = rgb[i + 1], p10 = rgb[i + width], p11 = rgb[i + width + 1];
				int r = ((p00 >> 16) & 0xFF) + ((p01 >> 16) & 0xFF) + ((p10 >> 16) & 0xFF) + ((p11 >> 16) & 0xFF);
				int g = ((p00 >> 8) & 0xFF) + ((p01 >> 8) & 0xFF) + ((p10 >> 8) & 0xFF) + ((p11 >> 8) & 0xFF);
				int b = (p00 & 0xFF) + (p01 & 0xFF) + (p10 & 0xFF) + (p11 & 0xFF);
				double red = r / 4.0, green = g / 4.0, blue = b / 4.0;
				double yPrime = KR * red + KG * green + KB * blue;
				cb[out + x] = clamp(128 + 224 * (blue - yPrime) / (2 * (1 - KB) * 255));
				cr[out + x] = clamp(128 + 224 * (red - yPrime) / (2 * (1 - KR) * 255));
			}
		}
		padEdges(cb, chromaWidth, chromaHeight, chromaStride);
		padEdges(cr, chromaWidth, chromaHeight, chromaStride);
		this.lumaQuads = quads(luma, lumaStride);
		this.chromaQuads = new long[cb.length];
		int[] cbQuads = quads(cb, chromaStride), crQuads = quads(cr, chromaStride);
		for (int i = 0; i < chromaQuads.length; i++) {
			chromaQuads[i] = (cbQuads[i] & 0xFFFFFFFFL) | ((long) crQuads[i] << 32);
		}
	}

	/**
	 * Each pixel with its right, lower and lower-right neighbours in one int, so a bilinear
	 * sample is one memory read instead of four (the sampling is bound by those reads).
	 */
	private static int[] quads(byte[] plane, int stride) {
		int[] quads = new int[plane.length];
		for (int i = 0; i + stride + 1 < plane.length; i++) {
			quads[i] = (plane[i] & 0xFF) | (plane[i + 1] & 0xFF) << 8 | (plane[i + stride] & 0xFF) << 16
					| (plane[i + stride + 1] & 0xFF) << 24;
		}
		return quads;
	}

	/**
	 * The picture at {@code scale} (at most 1) of its size, rounded down to even dimensions.
	 * Shrinking uses repeated halving (each a 2x2 average) before one last bilinear step, so a
	 * large picture is not aliased the way one big bilinear jump would alias it.
	 */
	static SourcePlanes of(BufferedImage image, double scale) {
		int targetWidth = Math.max(2, (int) Math.round(image.getWidth() * Math.min(1, scale)) & ~1);
		int targetHeight = Math.max(2, (int) Math.round(image.getHeight() * Math.min(1, scale)) & ~1);
		BufferedImage current = image;
		while (current.getWidth() >= 2 * targetWidth && current.getHeight() >= 2 * targetHeight) {
			current = draw(current, current.getWidth() / 2, current.getHeight() / 2, true);
		}
		// the last step also gives us opaque packed RGB whatever the picture's own type
		BufferedImage rgb = draw(current, targetWidth, targetHeight,
				current.getWidth() != targetWidth || current.getHeight() != targetHeight);
		int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
		return new SourcePlanes(pixels, targetWidth, targetHeight);
	}

	private static BufferedImage draw(BufferedImage source, int width, int height, boolean scaled) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			// transparent pixels become white rather than black
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			if (scaled) {
				graphics.drawImage(source, 0, 0, width, height, null);
			}
			else {
				// same size but for an odd last row or column, which is simply left out
				graphics.drawImage(source, 0, 0, null);
			}
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	/**
	 * Samples this picture into {@code frame} through {@code viewport}: output pixel centres map
	 * to source positions (pixel-centre coordinates) by scale and roll about the viewport's
	 * centre. Chroma is sited as H.264 expects by default (co-sited with even luma columns,
	 * between luma rows).
	 */
	void render(Framing.Viewport viewport, YuvFrame frame) {
		double cos = Math.cos(viewport.roll()), sin = Math.sin(viewport.roll());
		int stepX = fixed(viewport.scale() * cos), stepY = fixed(viewport.scale() * sin);
		double halfWidth = frame.width / 2.0, halfHeight = frame.height / 2.0;
		int chromaWidth = frame.width / 2;
		if (stepY == 0) {
			// level camera: every row samples the same columns, so work them out once a frame
			double dx = (0.5 - halfWidth) * viewport.scale();
			columns(fixed(viewport.centerX() + dx + 1), stepX, frame.lumaColumns);
			columns(fixed((viewport.centerX() + dx - 0.5) / 2 + 1), stepX, frame.chromaColumns);
			for (int row = 0; row < frame.height; row++) {
				double y = viewport.centerY() + (row + 0.5 - halfHeight) * viewport.scale() + 1;
				sampleLevel(lumaQuads, lumaStride, fixed(y), frame.lumaColumns, frame.y, row * frame.lumaStride);
			}
			for (int row = 0; row < frame.height / 2; row++) {
				double y = viewport.centerY() + (2 * row + 1 - halfHeight) * viewport.scale();
				sampleLevel(chromaQuads, chromaStride, fixed((y - 0.5) / 2 + 1), frame.chromaColumns, frame.u, frame.v,
						row * frame.chromaStride);
			}
			return;
		}
		for (int row = 0; row < frame.height; row++) {
			double dx = (0.5 - halfWidth) * viewport.scale(), dy = (row + 0.5 - halfHeight) * viewport.scale();
			// +1 for the border
			double x = viewport.centerX() + cos * dx - sin * dy + 1;
			double y = viewport.centerY() + sin * dx + cos * dy + 1;
			sample(lumaQuads, lumaStride, fixed(x), fixed(y), stepX, stepY, frame.y, row * frame.lumaStride, frame.width);
		}
		for (int row = 0; row < frame.height / 2; row++) {
			double dx = (0.5 - halfWidth) * viewport.scale(), dy = (2 * row + 1 - halfHeight) * viewport.scale();
			double x = viewport.centerX() + cos * dx - sin * dy;
			double y = viewport.centerY() + sin * dx + cos * dy;
			// luma position -> chroma plane position: chroma sample i sits at luma 2i + 0.5
			sample(chromaQuads, chromaStride, fixed((x - 0.5) / 2 + 1), fixed((y - 0.5) / 2 + 1), stepX, stepY, frame.u,
					frame.v, row * frame.chromaStride, chromaWidth);
		}
	}

	/** Per column: source column in the high bits, 8-bit weight of the next column in the low 8. */
	private static void columns(int x, int stepX, int[] columns) {
		for (int k = 0; k < columns.length; k++) {
			columns[k] = ((x >> 16) << 8) | ((x >>> 8) & 0xFF);
			x += stepX;
		}
	}

	private static void sampleLevel(int[] source, int stride, int y, int[] columns, byte[] target, int offset) {
		int rowStart = (y >> 16) * stride;
		int wy = (y >>> 8) & 0xFF;
		for (int k = 0; k < columns.length; k++) {
			int column = columns[k];
			target[offset + k] = bilinear(source[rowStart + (column >> 8)], column & 0xFF, wy);
		}
	}

	private static void sampleLevel(long[] source, int stride, int y, int[] columns, byte[] targetU,
			byte[] targetV, int offset) {
		int rowStart = (y >> 16) * stride;
		int wy = (y >>> 8) & 0xFF;
		for (int k = 0; k < columns.length; k++) {
			int column = columns[k];
			long quads = source[rowStart + (column >> 8)];
			targetU[offset + k] = bilinear((int) quads, column & 0xFF, wy);
			targetV[offset + k] = bilinear((int) (quads >>> 32), column & 0xFF, wy);
		}
	}

	private static int fixed(double value) {
		return (int) Math.round(value * 65536);
	}

	/** Bilinear samples along one output row, positions in 16.16 fixed point, 8-bit weights. */
	private static void sample(int[] source, int stride, int x, int y, int stepX, int stepY, byte[] target,
			int offset, int count) {
		for (int k = 0; k < count; k++) {
			target[offset + k] = bilinear(source[(y >> 16) * stride + (x >> 16)], (x >>> 8) & 0xFF, (y >>> 8) & 0xFF);
			x += stepX;
			y += stepY;
		}
	}

	/** The same for both chroma planes at once (they share every position and weight). */
	private static void sample(long[] source, int stride, int x, int y, int stepX, int stepY, byte[] targetU,
			byte[] targetV, int offset, int count) {
		for (int k = 0; k < count; k++) {
			long quads = source[(y >> 16) * stride + (x >> 16)];
			int wx = (x >>> 8) & 0xFF, wy = (y >>> 8) & 0xFF;
			targetU[offset + k] = bilinear((int) quads, wx, wy);
			targetV[offset + k] = bilinear((int) (quads >>> 32), wx, wy);
			x += stepX;
			y += stepY;
		}
	}

	/** Bilinear blend of a pixel quad (see {@link #quads}) with 8-bit weights, rounded. */
	private static byte bilinear(int quad, int wx, int wy) {
		int p00 = quad & 0xFF, p01 = (quad >>> 8) & 0xFF, p10 = (quad >>> 16) & 0xFF, p11 = quad >>> 24;
		int top = (p00 << 8) + (p01 - p00) * wx;
		int bottom = (p10 << 8) + (p11 - p10) * wx;
		return (byte) (((top << 8) + (bottom - top) * wy + 32768) >> 16);
	}

	private static void padEdges(byte[] plane, int width, int height, int stride) {
		for (int y = 1; y <= height; y++) {
			plane[y * stride] = plane[y * stride + 1];
			plane[y * stride + width + 1] = plane[y * stride + width];
		}
		System.arraycopy(plane, stride, plane, 0, stride);
		System.arraycopy(plane, height * stride, plane, (height + 1) * stride, stride);
	}

	private static byte clamp(double value) {
		return (byte) Math.max(0, Math.min(255, Math.round(value)));
	}

}
