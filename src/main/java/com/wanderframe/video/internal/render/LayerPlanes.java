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

	/** Premultiplied luma above black (0..219), as quads. */
	private final int[] lumaQuads;

	/** Alpha quads, apart from the luma so a solid run reads half the memory; null when opaque. */
	private final int[] alphaQuads;

	/** Low half: Cb quads, high half: Cr quads; premultiplied about 128. */
	private final long[] chromaQuads;

	/** Alpha averaged over each 2x2 block, as quads; null when opaque. */
	private final int[] chromaAlphaQuads;

	private final int lumaStride, chromaStride;

	/**
	 * Per quad row (border included), its visible quads as runs, so a row is walked only where
	 * the layer shows and its solid parts by a loop that never looks at alpha: run {@code i} of
	 * row {@code r}, for {@code i} from {@code lumaRunIndex[r]} to {@code lumaRunIndex[r + 1]},
	 * is quad columns {@code lumaRuns[3i]} to {@code lumaRuns[3i + 1]}, solid (every quad opaque)
	 * when {@code lumaRuns[3i + 2]} is 1. Null when the layer is opaque.
	 */
	private final int[] lumaRunIndex, lumaRuns, chromaRunIndex, chromaRuns;

	/**
	 * Solid stretches shorter than this many quads, and gaps shorter than it, are walked as part
	 * of a partly transparent run: a ragged edge (foliage, hair) then costs a few runs per row,
	 * not one per leaf.
	 */
	private static final int SHORTEST_RUN = 8;

	private LayerPlanes(int[] premultiplied, int width, int height, boolean opaque) {
		this.width = width;
		this.height = height;
		this.opaque = opaque;
		this.lumaStride = width + 2;
		byte[] luma = new byte[lumaStride * (height + 2)];
		byte[] alpha = opaque ? null : new byte[luma.length];
		// 16.16 fixed point per channel, as SourcePlanes converts: 219 (Kr R + Kg G + Kb B) / 255
		int[] yr = new int[256], yg = new int[256], yb = new int[256];
		for (int c = 0; c < 256; c++) {
			yr[c] = (int) Math.round(KR * 219 / 255 * c * 65536);
			yg[c] = (int) Math.round(KG * 219 / 255 * c * 65536);
			yb[c] = (int) Math.round(KB * 219 / 255 * c * 65536);
		}
		for (int y = 0; y < height; y++) {
			int in = y * width, out = (y + 1) * lumaStride + 1;
			for (int x = 0; x < width; x++) {
				int p = premultiplied[in + x];
				luma[out + x] = (byte) Math.min(219,
						(yr[(p >> 16) & 0xFF] + yg[(p >> 8) & 0xFF] + yb[p & 0xFF] + 32768) >> 16);
				if (alpha != null) {
					alpha[out + x] = (byte) (p >>> 24);
				}
			}
		}
		padEdges(luma, width, height, lumaStride);
		if (alpha != null) {
			padEdges(alpha, width, height, lumaStride);
		}

		int chromaWidth = width / 2, chromaHeight = height / 2;
		this.chromaStride = chromaWidth + 2;
		byte[] cb = new byte[chromaStride * (chromaHeight + 2)];
		byte[] cr = new byte[cb.length];
		byte[] chromaAlpha = opaque ? null : new byte[cb.length];
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
				if (chromaAlpha != null) {
					chromaAlpha[out + x] = (byte) (((p00 >>> 24) + (p01 >>> 24) + (p10 >>> 24) + (p11 >>> 24) + 2) / 4);
				}
			}
		}
		padEdges(cb, chromaWidth, chromaHeight, chromaStride);
		padEdges(cr, chromaWidth, chromaHeight, chromaStride);
		if (chromaAlpha != null) {
			padEdges(chromaAlpha, chromaWidth, chromaHeight, chromaStride);
		}

		lumaQuads = quads(luma, lumaStride);
		alphaQuads = opaque ? null : quads(alpha, lumaStride);
		int[] cbQ = quads(cb, chromaStride), crQ = quads(cr, chromaStride);
		chromaQuads = new long[cbQ.length];
		for (int i = 0; i < chromaQuads.length; i++) {
			chromaQuads[i] = (cbQ[i] & 0xFFFFFFFFL) | ((long) crQ[i] << 32);
		}
		chromaAlphaQuads = opaque ? null : quads(chromaAlpha, chromaStride);
		if (opaque) {
			lumaRunIndex = lumaRuns = chromaRunIndex = chromaRuns = null;
		}
		else {
			lumaRunIndex = new int[height + 3];
			lumaRuns = runs(alphaQuads, lumaStride, height + 2, lumaRunIndex);
			chromaRunIndex = new int[chromaHeight + 3];
			chromaRuns = runs(chromaAlphaQuads, chromaStride, chromaHeight + 2, chromaRunIndex);
		}
	}

	/** The runs of {@link #lumaRuns} for a plane of alpha quads; fills {@code index}. */
	private static int[] runs(int[] alphaQuads, int stride, int rows, int[] index) {
		int[] runs = new int[3 * 64];
		int n = 0;
		// one row's segments of quads of one kind (0 nothing shows, 1 solid, 2 partly transparent)
		int[] first = new int[stride], last = new int[stride], kind = new int[stride];
		for (int r = 0; r < rows; r++) {
			index[r] = n;
			int segments = 0;
			for (int c = 0; c < stride; c++) {
				int a = alphaQuads[r * stride + c];
				int k = a == 0 ? 0 : a == -1 ? 1 : 2;
				if (segments > 0 && kind[segments - 1] == k) {
					last[segments - 1] = c;
				}
				else {
					first[segments] = last[segments] = c;
					kind[segments++] = k;
				}
			}
			for (int i = 0; i < segments; i++) {
				boolean shortRun = last[i] - first[i] + 1 < SHORTEST_RUN;
				boolean inside = i > 0 && i < segments - 1;
				if (shortRun && (kind[i] == 1 || kind[i] == 0 && inside)) {
					kind[i] = 2;
				}
			}
			for (int i = 0; i < segments; i++) {
				if (kind[i] == 0) {
					continue;
				}
				if (n > index[r] && runs[3 * (n - 1) + 2] == kind[i] && runs[3 * (n - 1) + 1] + 1 == first[i]) {
					runs[3 * (n - 1) + 1] = last[i];
					continue;
				}
				if (3 * n + 3 > runs.length) {
					runs = java.util.Arrays.copyOf(runs, runs.length * 2);
				}
				runs[3 * n] = first[i];
				runs[3 * n + 1] = last[i];
				runs[3 * n + 2] = kind[i];
				n++;
			}
		}
		index[rows] = n;
		return java.util.Arrays.copyOf(runs, 3 * n);
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
	 * city costs nothing and the layers together cost little more than one. On a level camera a
	 * row is walked run by run: where this layer shows nothing it is not walked at all, where a
	 * nearer layer's solid run already covers the frame it is jumped over, and a solid run of this
	 * layer is sampled without looking at alpha.
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
			coverage.lumaRowFull[row] += lumaRow(fixed(x), fixed(y), stepX, stepY, frame.y, coverage, row,
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
					stepY, frame.u, frame.v, coverage, row, row * frame.chromaStride, chromaWidth);
		}
	}

	/**
	 * How much of each pixel of a frame the layers added so far cover, per row how many pixels
	 * are covered completely, and where solid runs covered whole stretches; one per renderer
	 * thread, cleared for each frame.
	 */
	static final class Coverage {

		final byte[] luma, chroma;

		final int[] lumaRowFull, chromaRowFull;

		/** Stretches known covered completely, and stretches outside which nothing is covered at all. */
		final Stretches lumaSolid, chromaSolid, lumaTouched, chromaTouched;

		Coverage(YuvFrame shape) {
			luma = new byte[shape.y.length];
			chroma = new byte[shape.u.length];
			lumaRowFull = new int[shape.height];
			chromaRowFull = new int[shape.height / 2];
			lumaSolid = new Stretches(shape.height, false);
			chromaSolid = new Stretches(shape.height / 2, false);
			lumaTouched = new Stretches(shape.height, true);
			chromaTouched = new Stretches(shape.height / 2, true);
			lumaWalk = new RowWalk(true, luma, lumaSolid, lumaTouched);
			chromaWalk = new RowWalk(false, chroma, chromaSolid, chromaTouched);
		}

		/** The level row being walked, of each plane. */
		final RowWalk lumaWalk, chromaWalk;

		/** Clears this and {@code frame} for a new frame: nothing covered, nothing gathered. */
		void clear(YuvFrame frame) {
			java.util.Arrays.fill(luma, (byte) 0);
			java.util.Arrays.fill(chroma, (byte) 0);
			java.util.Arrays.fill(lumaRowFull, 0);
			java.util.Arrays.fill(chromaRowFull, 0);
			lumaSolid.clear();
			chromaSolid.clear();
			lumaTouched.clear();
			chromaTouched.clear();
			java.util.Arrays.fill(frame.y, (byte) 16);
			java.util.Arrays.fill(frame.u, (byte) 128);
			java.util.Arrays.fill(frame.v, (byte) 128);
		}

	}

	/**
	 * A level row being walked: which plane, where its first sample sits in this layer, and what
	 * its samples go into; one per renderer thread, so a row costs no allocation.
	 */
	static final class RowWalk {

		final boolean luma;

		final byte[] cover;

		final Stretches solid, touched;

		int x, stepX, rowStart, wy, offset, row, count;

		byte[] target, targetV;

		RowWalk(boolean luma, byte[] cover, Stretches solid, Stretches touched) {
			this.luma = luma;
			this.cover = cover;
			this.solid = solid;
			this.touched = touched;
		}

		/**
		 * This walk set to output row {@code row} ({@code count} pixels from {@code offset} of
		 * {@code target}, and {@code targetV} for chroma), sampled from source position {@code x}
		 * on, {@code stepX} apart, in the quad row at {@code rowStart} with vertical weight {@code wy}.
		 */
		RowWalk at(int row, int x, int stepX, int rowStart, int wy, byte[] target, byte[] targetV, int offset,
				int count) {
			this.row = row;
			this.x = x;
			this.stepX = stepX;
			this.rowStart = rowStart;
			this.wy = wy;
			this.target = target;
			this.targetV = targetV;
			this.offset = offset;
			this.count = count;
			return this;
		}

	}

	/**
	 * Per output row, stretches of columns {@code [from, to)}, sorted and apart, that tell the
	 * walk what the per-pixel coverage would say without reading it: which pixels are covered
	 * completely (a subset of them: a row holds at most {@link #MOST} stretches, and pixels a
	 * partly transparent run happened to complete are not in it), or, {@code outward}, outside
	 * which nothing is covered at all (a superset: stretches that do not fit widen the last).
	 */
	static final class Stretches {

		static final int MOST = 16;

		/** Row {@code r}'s stretches at {@code 2 * MOST * r}: from, to, from, to... */
		final int[] bounds;

		final int[] counts;

		/** This layer's new stretches of the row being walked, to merge in when it is done. */
		private final int[] fresh = new int[2 * MOST], merged = new int[4 * MOST];

		private int freshCount;

		private final boolean outward;

		Stretches(int rows, boolean outward) {
			bounds = new int[2 * MOST * rows];
			counts = new int[rows];
			this.outward = outward;
		}

		void clear() {
			java.util.Arrays.fill(counts, 0);
		}

		void add(int from, int to) {
			if (freshCount > 0 && fresh[2 * freshCount - 1] == from) {
				fresh[2 * freshCount - 1] = to;
			}
			else if (freshCount < MOST) {
				fresh[2 * freshCount] = from;
				fresh[2 * freshCount + 1] = to;
				freshCount++;
			}
			else if (outward) {
				// stretches come left to right: the last one reaching to here holds this one too
				fresh[2 * freshCount - 1] = to;
			}
		}

		/** Adds {@code [from, to)} to row {@code row}'s stretches at once. */
		void touch(int row, int from, int to) {
			add(from, to);
			commit(row);
		}

		/** Merges the stretches added since the last call into row {@code row}'s. */
		void commit(int row) {
			if (freshCount == 0) {
				return;
			}
			int base = 2 * MOST * row, known = counts[row];
			int i = 0, j = 0, n = 0;
			while (i < known || j < freshCount) {
				boolean old = j >= freshCount || i < known && bounds[base + 2 * i] < fresh[2 * j];
				int from = old ? bounds[base + 2 * i] : fresh[2 * j];
				int to = old ? bounds[base + 2 * i + 1] : fresh[2 * j + 1];
				if (old) {
					i++;
				}
				else {
					j++;
				}
				if (n > 0 && merged[2 * n - 1] >= from) {
					merged[2 * n - 1] = Math.max(merged[2 * n - 1], to);
				}
				else {
					merged[2 * n] = from;
					merged[2 * n + 1] = to;
					n++;
				}
			}
			if (n > MOST && outward) {
				merged[2 * MOST - 1] = merged[2 * n - 1];
			}
			// what does not fit of what is covered is simply not known: the per-pixel coverage has it
			n = Math.min(n, MOST);
			System.arraycopy(merged, 0, bounds, base, 2 * n);
			counts[row] = n;
			freshCount = 0;
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

	/** What a {@link Piece} samples: a partly transparent run. */
	private static final int PARTIAL = 0;

	/** A solid run over pixels a nearer layer may have partly covered. */
	private static final int SOLID = 1;

	/** A solid run over pixels nothing covers yet: plain samples, as in a flat picture. */
	private static final int SOLID_ON_NOTHING = 2;

	/**
	 * A partly transparent run over pixels nothing covers yet (the soft edge of the nearest
	 * layer, a person's hair and shadow): colour and alpha go straight in.
	 */
	private static final int PARTIAL_ON_NOTHING = 3;

	/**
	 * Walks the runs of quad row {@code quadRow} as output columns of a level row starting at
	 * source position {@code x}, minus the stretches already covered, calling {@code piece} for
	 * each part left; solid parts become covered stretches, the others touched ones.
	 * @return how many pixels of the row this layer covered completely
	 */
	private int walkRuns(RowWalk walk, int[] runIndex, int[] runs, int quadRow) {
		int x = walk.x, stepX = walk.stepX, count = walk.count, row = walk.row;
		Stretches solid = walk.solid, touched = walk.touched;
		int[] bounds = solid.bounds;
		int base = 2 * Stretches.MOST * row, known = solid.counts[row];
		int full = 0, skip = 0;
		for (int r = runIndex[quadRow], end = runIndex[quadRow + 1]; r < end; r++) {
			long span = span(x, stepX, count, runs[3 * r], runs[3 * r + 1]);
			int from = (int) (span >>> 32), to = (int) span;
			if (from >= to) {
				continue;
			}
			boolean isSolid = runs[3 * r + 2] == 1;
			while (skip < known && bounds[base + 2 * skip + 1] <= from) {
				skip++;
			}
			int k = from;
			for (int s = skip; k < to;) {
				if (s < known && bounds[base + 2 * s] <= k) {
					k = Math.max(k, bounds[base + 2 * s + 1]);
					s++;
					continue;
				}
				int stop = s < known ? Math.min(to, bounds[base + 2 * s]) : to;
				if (isSolid) {
					full += splitByTouched(walk, k, stop, SOLID_ON_NOTHING, SOLID);
					solid.add(k, stop);
				}
				else {
					full += splitByTouched(walk, k, stop, PARTIAL_ON_NOTHING, PARTIAL);
				}
				k = stop;
			}
		}
		// everything this layer may have written, solid too (the covered stretches may not hold it all)
		for (int r = runIndex[quadRow], end = runIndex[quadRow + 1]; r < end; r++) {
			long span = span(x, stepX, count, runs[3 * r], runs[3 * r + 1]);
			if (span != 0) {
				touched.add((int) (span >>> 32), (int) span);
			}
		}
		solid.commit(row);
		touched.commit(row);
		return full;
	}

	/**
	 * Calls {@code piece} for the columns {@code [from, to)} of one kind of run, as
	 * {@code onNothing} where no touched stretch reaches and {@code under} where one does.
	 */
	private int splitByTouched(RowWalk walk, int from, int to, int onNothing, int under) {
		Stretches touched = walk.touched;
		int base = 2 * Stretches.MOST * walk.row, known = touched.counts[walk.row];
		int full = 0, k = from;
		for (int s = 0; s < known && k < to; s++) {
			int start = touched.bounds[base + 2 * s], stop = touched.bounds[base + 2 * s + 1];
			if (stop <= k) {
				continue;
			}
			if (start >= to) {
				break;
			}
			if (start > k) {
				full += piece(walk, k, start, onNothing);
			}
			int end = Math.min(stop, to);
			full += piece(walk, Math.max(start, k), end, under);
			k = end;
		}
		if (k < to) {
			full += piece(walk, k, to, onNothing);
		}
		return full;
	}

	/** Samples output columns {@code [from, to)} of the row being walked, of a {@code kind} of run. */
	private int piece(RowWalk walk, int from, int to, int kind) {
		int x = walk.x + from * walk.stepX;
		if (walk.luma) {
			return switch (kind) {
				case SOLID_ON_NOTHING -> plainLuma(x, walk.stepX, walk.rowStart, walk.wy, walk.target, walk.cover,
						walk.offset, from, to);
				case SOLID -> opaqueLuma(x, walk.stepX, walk.rowStart, walk.wy, walk.target, walk.cover, walk.offset,
						from, to);
				case PARTIAL_ON_NOTHING -> clearLuma(x, walk.stepX, walk.rowStart, walk.wy, walk.target, walk.cover,
						walk.offset, from, to);
				default -> partialLuma(x, walk.stepX, walk.rowStart, walk.wy, walk.target, walk.cover, walk.offset,
						from, to);
			};
		}
		return switch (kind) {
			case SOLID_ON_NOTHING -> plainChroma(x, walk.stepX, walk.rowStart, walk.wy, walk.target, walk.targetV,
					walk.cover, walk.offset, from, to);
			case PARTIAL_ON_NOTHING -> clearChroma(x, walk.stepX, walk.rowStart, walk.wy, walk.target, walk.targetV,
					walk.cover, walk.offset, from, to);
			default -> levelChroma(x, walk.stepX, walk.rowStart, walk.wy, kind == SOLID, walk.target, walk.targetV,
					walk.cover, walk.offset, from, to);
		};
	}

	/** @return how many pixels of the row this layer covered completely */
	private int lumaRow(int x, int y, int stepX, int stepY, byte[] target, Coverage coverage, int row, int offset,
			int count) {
		if (stepY != 0) {
			coverage.lumaTouched.touch(row, 0, count);
			return lumaRowRolled(x, y, stepX, stepY, target, coverage.luma, offset, count);
		}
		int quadRow = y >> 16;
		// a row shifted past the edge is held at it (the fit leaves room only for the camera)
		RowWalk walk = coverage.lumaWalk.at(row, Math.max(0, Math.min(x, (width << 16) - (count - 1) * stepX)), stepX,
				quadRow * lumaStride, (y >>> 8) & 0xFF, target, null, offset, count);
		return opaque ? openStretches(walk) : walkRuns(walk, lumaRunIndex, lumaRuns, quadRow);
	}

	/** Calls {@code piece} for each stretch of {@code [0, count)} not known to be covered (solid ones). */
	private int openStretches(RowWalk walk) {
		Stretches solid = walk.solid;
		int base = 2 * Stretches.MOST * walk.row, known = solid.counts[walk.row];
		int full = 0, k = 0;
		for (int s = 0; s <= known; s++) {
			int stop = s < known ? solid.bounds[base + 2 * s] : walk.count;
			if (stop > k) {
				full += splitByTouched(walk, k, stop, SOLID_ON_NOTHING, SOLID);
			}
			if (s < known) {
				k = Math.max(k, solid.bounds[base + 2 * s + 1]);
			}
		}
		return full;
	}

	/**
	 * Output columns {@code [from, to)} of a level row over opaque quads: every pixel not yet
	 * covered gets covered (nothing in front: the sample goes straight in, as in a flat picture).
	 */
	private int opaqueLuma(int x, int stepX, int rowStart, int wy, byte[] target, byte[] cover, int offset, int from,
			int to) {
		int[] quads = lumaQuads;
		int full = 0;
		for (int k = from; k < to; k++, x += stepX) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			int value = bilinear(quads[rowStart + (x >> 16)], (x >>> 8) & 0xFF, wy);
			target[offset + k] = (byte) (covered == 0 ? 16 + value
					: Math.min(235, (target[offset + k] & 0xFF) + (value * (255 - covered) + 127) / 255));
			cover[offset + k] = (byte) 255;
			full++;
		}
		return full;
	}

	/**
	 * The same where nothing covers the frame yet: each sample goes straight in, the loop of a
	 * flat picture. The opaque layer, the last, leaves the coverage alone: nothing reads it after.
	 */
	private int plainLuma(int x, int stepX, int rowStart, int wy, byte[] target, byte[] cover, int offset, int from,
			int to) {
		int[] quads = lumaQuads;
		for (int k = from; k < to; k++, x += stepX) {
			target[offset + k] = (byte) (16 + bilinear(quads[rowStart + (x >> 16)], (x >>> 8) & 0xFF, wy));
		}
		if (!opaque) {
			java.util.Arrays.fill(cover, offset + from, offset + to, (byte) 255);
		}
		return to - from;
	}

	/** The same over quads that may be partly transparent. */
	private int partialLuma(int x, int stepX, int rowStart, int wy, byte[] target, byte[] cover, int offset, int from,
			int to) {
		int full = 0;
		for (int k = from; k < to; k++, x += stepX) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			int alphaQuad = alphaQuads[rowStart + (x >> 16)];
			if (alphaQuad == 0) {
				continue;
			}
			full += underLuma(lumaQuads[rowStart + (x >> 16)], alphaQuad, (x >>> 8) & 0xFF, wy, covered, target,
					cover, offset + k);
		}
		return full;
	}

	/**
	 * The same where nothing covers the frame yet: the sample and its alpha go straight in, as
	 * {@link #underLuma} would put them on an uncovered pixel.
	 */
	private int clearLuma(int x, int stepX, int rowStart, int wy, byte[] target, byte[] cover, int offset, int from,
			int to) {
		int full = 0;
		for (int k = from; k < to; k++, x += stepX) {
			int index = rowStart + (x >> 16);
			int alphaQuad = alphaQuads[index];
			if (alphaQuad == 0) {
				continue;
			}
			int wx = (x >>> 8) & 0xFF;
			int a = alphaQuad == -1 ? 255 : bilinear(alphaQuad, wx, wy);
			target[offset + k] = (byte) (16 + bilinear(lumaQuads[index], wx, wy));
			cover[offset + k] = (byte) a;
			full += a == 255 ? 1 : 0;
		}
		return full;
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
			int alphaQuad = opaque ? -1 : alphaQuads[index];
			if (alphaQuad == 0) {
				continue;
			}
			full += underLuma(lumaQuads[index], alphaQuad, (x >>> 8) & 0xFF, (y >>> 8) & 0xFF, covered, target, cover,
					offset + k);
		}
		return full;
	}

	/**
	 * Lays one luma sample of this layer under what already covers the pixel ({@code covered}
	 * of 255), front to back, as {@link #underChroma} does for chroma.
	 * @return 1 when the pixel is now covered completely, else 0
	 */
	private static int underLuma(int lumaQuad, int alphaQuad, int wx, int wy, int covered, byte[] target, byte[] cover,
			int at) {
		int open = 255 - covered;
		int value = bilinear(lumaQuad, wx, wy);
		target[at] = (byte) Math.min(235, (target[at] & 0xFF) + (value * open + 127) / 255);
		int a = alphaQuad == -1 ? 255 : bilinear(alphaQuad, wx, wy);
		int now = covered + (a * open + 127) / 255;
		cover[at] = (byte) now;
		return now >= 255 ? 1 : 0;
	}

	/** @return how many pixels of the row this layer covered completely */
	private int chromaRow(int x, int y, int stepX, int stepY, byte[] targetU, byte[] targetV, Coverage coverage,
			int row, int offset, int count) {
		int chromaWidth = width / 2, chromaHeight = height / 2;
		if (stepY == 0) {
			int quadRow = y >> 16;
			RowWalk walk = coverage.chromaWalk.at(row, Math.max(0, Math.min(x, (chromaWidth << 16) - (count - 1) * stepX)),
					stepX, quadRow * chromaStride, (y >>> 8) & 0xFF, targetU, targetV, offset, count);
			return opaque ? openStretches(walk) : walkRuns(walk, chromaRunIndex, chromaRuns, quadRow);
		}
		// a rolled camera: the row crosses source rows, so every sample is clamped to the picture
		byte[] cover = coverage.chroma;
		coverage.chromaTouched.touch(row, 0, count);
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
	 * Output columns {@code [from, to)} of a level chroma row: one source row, so no clamping
	 * (this loop was a fifth of a layered frame's painting); over {@code solid} quads alpha is
	 * not looked at.
	 */
	private int levelChroma(int x, int stepX, int rowStart, int wy, boolean solid, byte[] targetU, byte[] targetV,
			byte[] cover, int offset, int from, int to) {
		int[] alphaQuads = chromaAlphaQuads;
		long[] colourQuads = chromaQuads;
		int full = 0;
		for (int k = from; k < to; k++, x += stepX) {
			int covered = cover[offset + k] & 0xFF;
			if (covered == 255) {
				continue;
			}
			int index = rowStart + (x >> 16);
			int alphaQuad = solid ? -1 : alphaQuads[index];
			if (alphaQuad == 0) {
				continue;
			}
			full += underChroma(colourQuads[index], alphaQuad, (x >>> 8) & 0xFF, wy, covered, targetU, targetV, cover,
					offset + k);
		}
		return full;
	}

	/** {@link #clearLuma} for chroma: the sample goes straight in, as {@link #underChroma} would put it. */
	private int clearChroma(int x, int stepX, int rowStart, int wy, byte[] targetU, byte[] targetV, byte[] cover,
			int offset, int from, int to) {
		int full = 0;
		for (int k = from; k < to; k++, x += stepX) {
			int index = rowStart + (x >> 16);
			int alphaQuad = chromaAlphaQuads[index];
			if (alphaQuad == 0) {
				continue;
			}
			int wx = (x >>> 8) & 0xFF;
			long quad = chromaQuads[index];
			targetU[offset + k] = (byte) bilinear((int) quad, wx, wy);
			targetV[offset + k] = (byte) bilinear((int) (quad >>> 32), wx, wy);
			int a = alphaQuad == -1 ? 255 : bilinear(alphaQuad, wx, wy);
			cover[offset + k] = (byte) a;
			full += a == 255 ? 1 : 0;
		}
		return full;
	}

	/** {@link #plainLuma} for chroma. */
	private int plainChroma(int x, int stepX, int rowStart, int wy, byte[] targetU, byte[] targetV, byte[] cover,
			int offset, int from, int to) {
		long[] quads = chromaQuads;
		for (int k = from; k < to; k++, x += stepX) {
			long quad = quads[rowStart + (x >> 16)];
			int wx = (x >>> 8) & 0xFF;
			targetU[offset + k] = (byte) bilinear((int) quad, wx, wy);
			targetV[offset + k] = (byte) bilinear((int) (quad >>> 32), wx, wy);
		}
		if (!opaque) {
			java.util.Arrays.fill(cover, offset + from, offset + to, (byte) 255);
		}
		return to - from;
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
