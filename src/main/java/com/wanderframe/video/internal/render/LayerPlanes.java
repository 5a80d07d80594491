package com.wanderframe.video.internal.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * One depth layer converted once to premultiplied BT.709 Y'CbCr with its alpha, laid out like
 * {@link SourcePlanes} (a one-pixel border, each entry a pixel with its right, lower and
 * lower-right neighbours) so a bilinear sample of colour and alpha is one memory read, and
 * composited straight into the encoder's 4:2:0 frame ("over", premultiplied, so the soft edge of
 * a matte stays clean as it is resampled).
 * <p>
 * Each source row remembers where its visible pixels start and end, so a layer that covers a
 * strip of the picture (the near ground, the person) costs only that strip: the extra layers of
 * a parallax clip stay cheap next to the flat pan and the encoder. Every output row may be
 * displaced sideways by its own fraction of a pixel (water, swaying trees, the subject's sway),
 * which costs nothing extra: each row's first sample position is worked out anyway.
 */
final class LayerPlanes {

	private static final double KR = 0.2126, KB = 0.0722, KG = 1 - KR - KB;

	/** Luma size without the border; always even. */
	final int width, height;

	final boolean opaque;

	/** Low half: premultiplied luma above black (0..219) quads; high half: alpha quads. Null when opaque. */
	private final long[] lumaQuads;

	/**
	 * Luma quads alone when the layer is opaque (the sky, the biggest and last layer drawn):
	 * half the memory to stream through per frame, and no alpha to look at.
	 */
	private final int[] opaqueLumaQuads;

	/** Low half: Cb quads, high half: Cr quads; premultiplied about 128. */
	private final long[] chromaQuads;

	/** Alpha averaged over each 2x2 block, as quads; null when opaque. */
	private final int[] chromaAlphaQuads;

	private final int lumaStride, chromaStride;

	/**
	 * Per quad row of the luma plane (border included): the first and last quad column that
	 * touches a visible pixel; first > last for a row with none.
	 */
	private final int[] lumaFirst, lumaLast, chromaFirst, chromaLast;

	private LayerPlanes(int[] premultiplied, int width, int height, boolean opaque) {
		this.width = width;
		this.height = height;
		this.opaque = opaque;
		this.lumaStride = width + 2;
		byte[] luma = new byte[lumaStride * (height + 2)];
		byte[] alpha = new byte[luma.length];
		for (int y = 0; y < height; y++) {
			int in = y * width, out = (y + 1) * lumaStride + 1;
			for (int x = 0; x < width; x++) {
				int p = premultiplied[in + x];
				double value = 219 / 255.0 * (KR * ((p >> 16) & 0xFF) + KG * ((p >> 8) & 0xFF) + KB * (p & 0xFF));
				luma[out + x] = (byte) Math.min(219, Math.round(value));
				alpha[out + x] = (byte) (opaque ? 255 : p >>> 24);
			}
		}
		padEdges(luma, width, height, lumaStride);
		padEdges(alpha, width, height, lumaStride);

		int chromaWidth = width / 2, chromaHeight = height / 2;
		this.chromaStride = chromaWidth + 2;
		byte[] cb = new byte[chromaStride * (chromaHeight + 2)];
		byte[] cr = new byte[cb.length];
		byte[] chromaAlpha = new byte[cb.length];
		for (int y = 0; y < chromaHeight; y++) {
			int out = (y + 1) * chromaStride + 1;
			for (int x = 0; x < chromaWidth; x++) {
				int i = 2 * y * width + 2 * x;
				int p00 = premultiplied[i], p01 = premultiplied[i + 1], p10 = premultiplied[i + width],
						p11 = premultiplied[i + width + 1];
				double red = (((p00 >> 16) & 0xFF) + ((p01 >> 16) & 0xFF) + ((p10 >> 16) & 0xFF) + ((p11 >> 16) & 0xFF))
						/ 4.0;
				double green = (((p00 >> 8) & 0xFF) + ((p01 >> 8) & 0xFF) + ((p10 >> 8) & 0xFF) + ((p11 >> 8) & 0xFF))
						/ 4.0;
				double blue = ((p00 & 0xFF) + (p01 & 0xFF) + (p10 & 0xFF) + (p11 & 0xFF)) / 4.0;
				double yPrime = KR * red + KG * green + KB * blue;
				// the colour difference is linear in the colour, so premultiplied in, premultiplied out
				cb[out + x] = clamp(128 + 224 * (blue - yPrime) / (2 * (1 - KB) * 255));
				cr[out + x] = clamp(128 + 224 * (red - yPrime) / (2 * (1 - KR) * 255));
				chromaAlpha[out + x] = (byte) (opaque ? 255
						: ((p00 >>> 24) + (p01 >>> 24) + (p10 >>> 24) + (p11 >>> 24) + 2) / 4);
			}
		}
		padEdges(cb, chromaWidth, chromaHeight, chromaStride);
		padEdges(cr, chromaWidth, chromaHeight, chromaStride);
		padEdges(chromaAlpha, chromaWidth, chromaHeight, chromaStride);

		int[] lumaQ = quads(luma, lumaStride), alphaQ = quads(alpha, lumaStride);
		opaqueLumaQuads = opaque ? lumaQ : null;
		lumaQuads = opaque ? null : new long[lumaQ.length];
		for (int i = 0; !opaque && i < lumaQuads.length; i++) {
			lumaQuads[i] = (lumaQ[i] & 0xFFFFFFFFL) | ((long) alphaQ[i] << 32);
		}
		int[] cbQ = quads(cb, chromaStride), crQ = quads(cr, chromaStride);
		chromaQuads = new long[cbQ.length];
		for (int i = 0; i < chromaQuads.length; i++) {
			chromaQuads[i] = (cbQ[i] & 0xFFFFFFFFL) | ((long) crQ[i] << 32);
		}
		chromaAlphaQuads = opaque ? null : quads(chromaAlpha, chromaStride);
		int lumaRows = height + 2, chromaRows = chromaHeight + 2;
		lumaFirst = new int[lumaRows];
		lumaLast = new int[lumaRows];
		extents(alphaQ, lumaStride, lumaRows, lumaFirst, lumaLast);
		chromaFirst = new int[chromaRows];
		chromaLast = new int[chromaRows];
		extents(opaque ? quads(chromaAlpha, chromaStride) : chromaAlphaQuads, chromaStride, chromaRows, chromaFirst,
				chromaLast);
	}

	private static void extents(int[] alphaQuads, int stride, int rows, int[] first, int[] last) {
		for (int r = 0; r < rows; r++) {
			first[r] = stride;
			last[r] = -1;
			for (int c = 0; c < stride; c++) {
				if (alphaQuads[r * stride + c] != 0) {
					first[r] = Math.min(first[r], c);
					last[r] = c;
				}
			}
		}
	}

	/**
	 * {@code layer} at {@code scale} (at most 1) of its size, rounded down to even dimensions,
	 * shrunk by repeated halving as {@link SourcePlanes#of} does, alpha kept (premultiplied, so
	 * no dark or light fringe comes from the transparent parts while shrinking).
	 */
	static LayerPlanes of(BufferedImage layer, double scale, boolean opaque) {
		int targetWidth = Math.max(2, (int) Math.round(layer.getWidth() * Math.min(1, scale)) & ~1);
		int targetHeight = Math.max(2, (int) Math.round(layer.getHeight() * Math.min(1, scale)) & ~1);
		BufferedImage current = layer;
		while (current.getWidth() >= 2 * targetWidth && current.getHeight() >= 2 * targetHeight) {
			current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
		}
		BufferedImage premultiplied = draw(current, targetWidth, targetHeight);
		int[] pixels = ((DataBufferInt) premultiplied.getRaster().getDataBuffer()).getData();
		return new LayerPlanes(pixels, targetWidth, targetHeight, opaque);
	}

	private static BufferedImage draw(BufferedImage source, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			int extraWidth = source.getWidth() - width, extraHeight = source.getHeight() - height;
			if (extraWidth >= 0 && extraWidth <= 1 && extraHeight >= 0 && extraHeight <= 1) {
				// same size but for an odd last row or column, which is simply left out
				graphics.drawImage(source, 0, 0, null);
			}
			else {
				graphics.drawImage(source, 0, 0, width, height, null);
			}
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	/**
	 * Adds this layer under what nearer layers already put in {@code frame} through
	 * {@code viewport}, output row {@code r} displaced sideways by {@code shifts[r]} output
	 * pixels ({@code shifts} may be null).
	 * <p>
	 * Layers go front to back ("under" compositing of premultiplied colour): while they are
	 * being added, the frame's planes hold the colour gathered so far (luma from 16, chroma
	 * about 128), {@link Coverage} how much of each pixel is already covered. A covered pixel
	 * is never sampled again and a covered row not even visited, so the sky behind the whole
	 * city costs nothing and the layers together cost little more than one.
	 */
	void under(Framing.Viewport viewport, YuvFrame frame, double[] shifts, Coverage coverage) {
		double cos = Math.cos(viewport.roll()), sin = Math.sin(viewport.roll());
		double scale = viewport.scale();
		int stepX = fixed(scale * cos), stepY = fixed(scale * sin);
		double halfWidth = frame.width / 2.0, halfHeight = frame.height / 2.0;
		for (int row = 0; row < frame.height; row++) {
			if (coverage.lumaRowFull[row] >= frame.width) {
				continue;
			}
			double shift = shifts == null ? 0 : shifts[row];
			double dx = (0.5 - halfWidth + shift) * scale, dy = (row + 0.5 - halfHeight) * scale;
			// +1 for the border
			double x = viewport.centerX() + cos * dx - sin * dy + 1;
			double y = viewport.centerY() + sin * dx + cos * dy + 1;
			coverage.lumaRowFull[row] += lumaRow(fixed(x), fixed(y), stepX, stepY, frame.y, coverage.luma,
					row * frame.lumaStride, frame.width);
		}
		int chromaWidth = frame.width / 2;
		for (int row = 0; row < frame.height / 2; row++) {
			if (coverage.chromaRowFull[row] >= chromaWidth) {
				continue;
			}
			double shift = shifts == null ? 0 : (shifts[2 * row] + shifts[2 * row + 1]) / 2;
			double dx = (0.5 - halfWidth + shift) * scale, dy = (2 * row + 1 - halfHeight) * scale;
			double x = viewport.centerX() + cos * dx - sin * dy;
			double y = viewport.centerY() + sin * dx + cos * dy;
			// luma position -> chroma plane position: chroma sample i sits at luma 2i + 0.5
			coverage.chromaRowFull[row] += chromaRow(fixed((x - 0.5) / 2 + 1), fixed((y - 0.5) / 2 + 1), stepX,
					stepY, frame.u, frame.v, coverage.chroma, row * frame.chromaStride, chromaWidth);
		}
	}

	/**
	 * How much of each pixel of a frame the layers added so far cover, and per row how many
	 * pixels are covered completely; one per renderer thread, cleared for each frame.
	 */
	static final class Coverage {

		final byte[] luma, chroma;

		final int[] lumaRowFull, chromaRowFull;

		Coverage(YuvFrame shape) {
			luma = new byte[shape.y.length];
			chroma = new byte[shape.u.length];
			lumaRowFull = new int[shape.height];
			chromaRowFull = new int[shape.height / 2];
		}

		/** Clears this and {@code frame} for a new frame: nothing covered, nothing gathered. */
		void clear(YuvFrame frame) {
			java.util.Arrays.fill(luma, (byte) 0);
			java.util.Arrays.fill(chroma, (byte) 0);
			java.util.Arrays.fill(lumaRowFull, 0);
			java.util.Arrays.fill(chromaRowFull, 0);
			java.util.Arrays.fill(frame.y, (byte) 16);
			java.util.Arrays.fill(frame.u, (byte) 128);
			java.util.Arrays.fill(frame.v, (byte) 128);
		}

	}

	/** The output columns {@code [from, to)} of a level row whose quads lie in {@code [first, last]}. */
	private static long span(int x, int stepX, int count, int first, int last) {
		if (first > last) {
			return 0;
		}
		long from = Math.max(0, ceilDiv(((long) first << 16) - x, stepX));
		long to = Math.min(count, Math.floorDiv(((long) (last + 1) << 16) - 1 - x, stepX) + 1);
		return from >= to ? 0 : from << 32 | to;
	}

	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

	/** @return how many pixels of the row this layer covered completely */
	private int lumaRow(int x, int y, int stepX, int stepY, byte[] target, byte[] cover, int offset, int count) {
		if (stepY != 0) {
			return lumaRowRolled(x, y, stepX, stepY, target, cover, offset, count);
		}
		// a row shifted past the edge is held at it (the fit leaves room only for the camera)
		x = Math.max(0, Math.min(x, (width << 16) - (count - 1) * stepX));
		if (opaque) {
			return opaqueLumaRow(x, y, stepX, target, cover, offset, count);
		}
		int from = 0, to = count;
		int quadRow = y >> 16;
		{
			long span = span(x, stepX, count, lumaFirst[quadRow], lumaLast[quadRow]);
			from = (int) (span >>> 32);
			to = (int) span;
			x += from * stepX;
		}
		int rowStart = quadRow * lumaStride;
		int wy = (y >>> 8) & 0xFF;
		int full = 0;
		for (int k = from; k < to; k++, x += stepX) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			long quads = lumaQuads[rowStart + (x >> 16)];
			int alphaQuad = (int) (quads >>> 32);
			if (alphaQuad == 0) {
				continue;
			}
			int wx = (x >>> 8) & 0xFF;
			int value = bilinear((int) quads, wx, wy);
			if (covered == 0 && alphaQuad == -1) {
				target[offset + k] = (byte) (16 + value);
				cover[offset + k] = (byte) 255;
				full++;
				continue;
			}
			int open = 255 - covered;
			target[offset + k] = (byte) Math.min(235, (target[offset + k] & 0xFF) + (value * open + 127) / 255);
			int a = opaque || alphaQuad == -1 ? 255 : bilinear(alphaQuad, wx, wy);
			int now = covered + (a * open + 127) / 255;
			cover[offset + k] = (byte) now;
			if (now >= 255) {
				full++;
			}
		}
		return full;
	}

	/**
	 * {@link #lumaRow} for an opaque layer: every pixel it reaches it covers, so only what is
	 * already there decides (nothing in front: the sample goes straight in, as in a flat picture).
	 * The opaque layer is the farthest, drawn last, so the coverage it completes is not written:
	 * nothing reads it after this layer.
	 */
	private int opaqueLumaRow(int x, int y, int stepX, byte[] target, byte[] cover, int offset, int count) {
		int[] quads = opaqueLumaQuads;
		int rowStart = (y >> 16) * lumaStride;
		int wy = (y >>> 8) & 0xFF;
		for (int k = 0; k < count; k++, x += stepX) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			int value = bilinear(quads[rowStart + (x >> 16)], (x >>> 8) & 0xFF, wy);
			target[offset + k] = (byte) (covered == 0 ? 16 + value
					: Math.min(235, (target[offset + k] & 0xFF) + (value * (255 - covered) + 127) / 255));
		}
		return count;
	}

	/** {@link #chromaRow} for an opaque layer on a level row, as {@link #opaqueLumaRow}. */
	private int opaqueChromaRow(int x, int y, int stepX, byte[] targetU, byte[] targetV, byte[] cover, int offset,
			int count) {
		long[] quads = chromaQuads;
		int rowStart = (y >> 16) * chromaStride;
		int wy = (y >>> 8) & 0xFF;
		for (int k = 0; k < count; k++, x += stepX) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			long quad = quads[rowStart + (x >> 16)];
			int wx = (x >>> 8) & 0xFF;
			int u = bilinear((int) quad, wx, wy), v = bilinear((int) (quad >>> 32), wx, wy);
			if (covered == 0) {
				targetU[offset + k] = (byte) u;
				targetV[offset + k] = (byte) v;
				continue;
			}
			int open = 255 - covered;
			targetU[offset + k] = clampByte((targetU[offset + k] & 0xFF) + Math.floorDiv((u - 128) * open + 127, 255));
			targetV[offset + k] = clampByte((targetV[offset + k] & 0xFF) + Math.floorDiv((v - 128) * open + 127, 255));
		}
		return count;
	}

	/** The same for a rolled camera, every sample held inside the picture. */
	private int lumaRowRolled(int x, int y, int stepX, int stepY, byte[] target, byte[] cover, int offset,
			int count) {
		int full = 0;
		for (int k = 0; k < count; k++, x += stepX, y += stepY) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			int index = Math.max(0, Math.min(height, y >> 16)) * lumaStride + Math.max(0, Math.min(width, x >> 16));
			long quads = opaque ? opaqueLumaQuads[index] | 0xFFFFFFFF00000000L : lumaQuads[index];
			int alphaQuad = (int) (quads >>> 32);
			if (alphaQuad == 0) {
				continue;
			}
			int wx = (x >>> 8) & 0xFF, wy = (y >>> 8) & 0xFF;
			int open = 255 - covered;
			int value = bilinear((int) quads, wx, wy);
			target[offset + k] = (byte) Math.min(235, (target[offset + k] & 0xFF) + (value * open + 127) / 255);
			int a = opaque || alphaQuad == -1 ? 255 : bilinear(alphaQuad, wx, wy);
			int now = covered + (a * open + 127) / 255;
			cover[offset + k] = (byte) now;
			if (now >= 255) {
				full++;
			}
		}
		return full;
	}

	/** @return how many pixels of the row this layer covered completely */
	private int chromaRow(int x, int y, int stepX, int stepY, byte[] targetU, byte[] targetV, byte[] cover,
			int offset, int count) {
		int chromaWidth = width / 2, chromaHeight = height / 2;
		if (stepY == 0) {
			x = Math.max(0, Math.min(x, (chromaWidth << 16) - (count - 1) * stepX));
			if (opaque) {
				return opaqueChromaRow(x, y, stepX, targetU, targetV, cover, offset, count);
			}
			int quadRow = y >> 16;
			long span = span(x, stepX, count, chromaFirst[quadRow], chromaLast[quadRow]);
			int from = (int) (span >>> 32);
			return levelChromaRow(x + from * stepX, y, stepX, targetU, targetV, cover, offset, from, (int) span);
		}
		// a rolled camera: the row crosses source rows, so every sample is clamped to the picture
		int full = 0;
		for (int k = 0; k < count; k++, x += stepX, y += stepY) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			int index = Math.max(0, Math.min(chromaHeight, y >> 16)) * chromaStride
					+ Math.max(0, Math.min(chromaWidth, x >> 16));
			int alphaQuad = opaque ? -1 : chromaAlphaQuads[index];
			if (alphaQuad == 0) {
				continue;
			}
			full += underChroma(chromaQuads[index], alphaQuad, (x >>> 8) & 0xFF, (y >>> 8) & 0xFF, covered, targetU,
					targetV, cover, offset + k);
		}
		return full;
	}

	/**
	 * {@link #chromaRow} of a partly transparent layer on a level row, output columns
	 * {@code [from, to)}: one source row, so no clamping and no choice per pixel (this loop was
	 * a fifth of a layered frame's painting).
	 */
	private int levelChromaRow(int x, int y, int stepX, byte[] targetU, byte[] targetV, byte[] cover, int offset,
			int from, int to) {
		int rowStart = (y >> 16) * chromaStride;
		int wy = (y >>> 8) & 0xFF;
		int[] alphaQuads = chromaAlphaQuads;
		long[] colourQuads = chromaQuads;
		int full = 0;
		for (int k = from; k < to; k++, x += stepX) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			int index = rowStart + (x >> 16);
			int alphaQuad = alphaQuads[index];
			if (alphaQuad == 0) {
				continue;
			}
			full += underChroma(colourQuads[index], alphaQuad, (x >>> 8) & 0xFF, wy, covered, targetU, targetV, cover,
					offset + k);
		}
		return full;
	}

	/**
	 * Lays one chroma sample of this layer under what already covers the pixel ({@code covered}
	 * of 255), front to back; an opaque sample on an uncovered pixel is copied as it is.
	 * @return 1 when the pixel is now covered completely, else 0
	 */
	private static int underChroma(long quads, int alphaQuad, int wx, int wy, int covered, byte[] targetU,
			byte[] targetV, byte[] cover, int at) {
		int u = bilinear((int) quads, wx, wy), v = bilinear((int) (quads >>> 32), wx, wy);
		if (covered == 0 && alphaQuad == -1) {
			targetU[at] = (byte) u;
			targetV[at] = (byte) v;
			cover[at] = (byte) 255;
			return 1;
		}
		int open = 255 - covered;
		u = Math.floorDiv((u - 128) * open + 127, 255);
		v = Math.floorDiv((v - 128) * open + 127, 255);
		targetU[at] = clampByte((targetU[at] & 0xFF) + u);
		targetV[at] = clampByte((targetV[at] & 0xFF) + v);
		int a = alphaQuad == -1 ? 255 : bilinear(alphaQuad, wx, wy);
		int now = covered + (a * open + 127) / 255;
		cover[at] = (byte) now;
		return now >= 255 ? 1 : 0;
	}

	private static int fixed(double value) {
		return (int) Math.round(value * 65536);
	}

	/** Bilinear blend of a quad with 8-bit weights, rounded, 0..255. */
	private static int bilinear(int quad, int wx, int wy) {
		int p00 = quad & 0xFF, p01 = (quad >>> 8) & 0xFF, p10 = (quad >>> 16) & 0xFF, p11 = quad >>> 24;
		int top = (p00 << 8) + (p01 - p00) * wx;
		int bottom = (p10 << 8) + (p11 - p10) * wx;
		return ((top << 8) + (bottom - top) * wy + 32768) >> 16;
	}

	private static int[] quads(byte[] plane, int stride) {
		int[] quads = new int[plane.length];
		for (int i = 0; i + stride + 1 < plane.length; i++) {
			quads[i] = (plane[i] & 0xFF) | (plane[i + 1] & 0xFF) << 8 | (plane[i + stride] & 0xFF) << 16
					| (plane[i + stride + 1] & 0xFF) << 24;
		}
		return quads;
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

	private static byte clampByte(int value) {
		return (byte) Math.max(0, Math.min(255, value));
	}

}
