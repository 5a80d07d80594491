package com.wanderframe.video.internal.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Set;

import com.wanderframe.location.Stage.Ambient;

/**
 * Renders a frame from depth layers: each layer sampled through its own viewport (the camera's
 * move scaled by the layer's parallax, so near layers shift more than far ones and the subject
 * floats in front) and composited over the ones behind it ({@link LayerPlanes}), with the
 * place's own motion: water shimmering below the horizon, the sky drifting, aurora waving,
 * trees swaying, lit windows twinkling, balloons rising, petals falling, sand blowing, mist
 * drifting, the subject breathing, and the prompt's rain, snow or fog over everything.
 * <p>
 * Everything is a function of the frame's time, so the same request renders the same clip and
 * nothing is kept per frame. Every motion repeats a whole number of times in the clip (its
 * frequency rounded to fit), so with the camera holding the last frame runs into the first and
 * the clip loops without a seam.
 */
final class LayeredSource {

	private final LayerPlanes[] planes;

	private final SceneLayers.Layer[] layers;

	private final Set<Ambient> ambient;

	private final Atmosphere atmosphere;

	private final Framing.Viewport[] viewports;

	private final int fps;

	/** The clip's length in seconds: the period every motion fits into. */
	private final double period;

	private final int outWidth, outHeight;

	/** Water's top in source pixels, or negative. */
	private final double horizon;

	/** The subject's box in source pixels: top and bottom, for the sway anchored at the feet. */
	private final double subjectTop, subjectBottom;

	/** The caption and vignette, at the output's size, or null. */
	private final Overlay caption;

	LayeredSource(SceneLayers scene, double scale, Framing.Viewport[] viewports, Atmosphere atmosphere, int fps,
			int outWidth, int outHeight) {
		List<SceneLayers.Layer> depth = scene.layers()
			.stream()
			.filter((layer) -> !SceneLayers.CAPTION.equals(layer.name()))
			.toList();
		this.caption = scene.layers()
			.stream()
			.filter((layer) -> SceneLayers.CAPTION.equals(layer.name()))
			.findFirst()
			.map((layer) -> new Overlay(layer.image(), outWidth, outHeight))
			.orElse(null);
		int n = depth.size();
		this.outWidth = outWidth;
		this.outHeight = outHeight;
		this.ambient = scene.ambient();
		this.atmosphere = atmosphere;
		this.viewports = viewports;
		this.fps = fps;
		this.period = (double) viewports.length / fps;
		planes = new LayerPlanes[n];
		layers = depth.toArray(SceneLayers.Layer[]::new);
		for (int i = 0; i < n; i++) {
			planes[i] = LayerPlanes.of(layers[i].image(), scale, i == 0);
		}
		double k = (double) planes[0].height / layers[0].image().getHeight();
		this.horizon = scene.horizon() < 0 ? -1 : scene.horizon() * planes[0].height;
		this.subjectTop = scene.subject().getMinY() * k;
		this.subjectBottom = scene.subject().getMaxY() * k;
	}

	int width() {
		return planes[0].width;
	}

	int height() {
		return planes[0].height;
	}

	Painter painter(YuvFrame shape) {
		return new Painter(shape);
	}

	/** Scratch for one renderer thread. */
	final class Painter {

		private final double[] shifts;

		private final int[] columnLift;

		/** How much of each pixel the layers added so far cover (see {@link LayerPlanes#under}). */
		private final LayerPlanes.Coverage coverage;

		private final byte[] cover, chromaCover;

		/** How much of each pixel the subject covers, so what moves behind them leaves them be. */
		private final byte[] subjectCover;

		/**
		 * How much of each pixel the layers in front of the sky cover: lit windows belong to the
		 * buildings, so the moon and the stars do not twinkle. Null where nothing twinkles.
		 */
		private final byte[] cityCover;

		/** Of one row of 8x8 blocks, the columns of those twinkling, and their gains this frame. */
		private final int[] activeBlocks, blockGains;

		/** Per 8x8 block: the cosine and sine of its twinkle's phase (see {@link #twinkle}). */
		private final float[] phaseCos, phaseSin;

		Painter(YuvFrame shape) {
			shifts = new double[shape.height];
			columnLift = new int[shape.width];
			coverage = new LayerPlanes.Coverage(shape);
			cover = coverage.luma;
			chromaCover = coverage.chroma;
			subjectCover = new byte[shape.y.length];
			cityCover = twinkles() ? new byte[shape.y.length] : null;
			int across = (shape.width + 7) / 8, down = (shape.height + 7) / 8;
			activeBlocks = new int[across];
			blockGains = new int[across];
			phaseCos = new float[across * down];
			phaseSin = new float[across * down];
			for (int by = 0; by < down; by++) {
				for (int bx = 0; bx < across; bx++) {
					double phase = (blockHash(bx, by) & 0xFFFF) / 65535.0 * Math.PI * 2;
					phaseCos[by * across + bx] = (float) Math.cos(phase);
					phaseSin[by * across + bx] = (float) Math.sin(phase);
				}
			}
		}

		void paint(int index, YuvFrame frame) {
			double seconds = (double) index / fps;
			double strength = atmosphere.intensity();
			boolean wind = atmosphere.wind() && !atmosphere.still();
			Framing.Viewport camera = viewports[index];
			coverage.clear(frame);
			java.util.Arrays.fill(subjectCover, (byte) 0);
			// front to back: what is covered is never sampled again
			for (int i = planes.length - 1; i >= 0; i--) {
				SceneLayers.Layer layer = layers[i];
				Framing.Viewport v = layerViewport(camera, viewports[0], layer.parallax());
				if (i == 0 && (ambient.contains(Ambient.CLOUDS) || ambient.contains(Ambient.MIST)
						|| ambient.contains(Ambient.AURORA))) {
					// the sky drifts a few pixels and back, once a clip
					double drift = 5 * strength * Math.sin(wave(1 / period, seconds)) * v.scale();
					v = new Framing.Viewport(v.centerX() + drift, v.centerY(), v.scale(), v.roll());
				}
				if (layer.subject()) {
					v = breathe(v, seconds);
				}
				if (i == 0 && cityCover != null) {
					System.arraycopy(cover, 0, cityCover, 0, cover.length);
				}
				if (i == 0 && ambient.contains(Ambient.BALLOONS)) {
					// in the sky, behind everything else
					balloons(frame, seconds);
				}
				boolean shifted = rowShifts(layer, i, v, seconds, strength, wind, frame.height);
				planes[i].under(clamp(v, planes[i]), frame, shifted ? shifts : null, coverage);
				if (layer.subject()) {
					System.arraycopy(cover, 0, subjectCover, 0, cover.length);
				}
			}
			background(frame, camera, seconds, strength);
			if (ambient.contains(Ambient.MIST)) {
				mist(frame, seconds, strength);
			}
			if (ambient.contains(Ambient.PETALS)) {
				drifters(frame, seconds, Drifter.PETAL, strength * (wind ? 1.6 : 1));
			}
			if (ambient.contains(Ambient.SAND)) {
				drifters(frame, seconds, Drifter.SAND, strength * (wind ? 1.8 : 1));
			}
			if (atmosphere.fog()) {
				fog(frame, strength);
			}
			if (atmosphere.rain()) {
				drifters(frame, seconds, Drifter.RAIN, strength);
			}
			if (atmosphere.snow()) {
				drifters(frame, seconds, Drifter.SNOW, strength);
			}
			if (caption != null) {
				caption.over(frame);
			}
		}

		private boolean twinkles() {
			return ambient.contains(Ambient.WINDOWS) || ambient.contains(Ambient.NEON);
		}

		/** Effects on everything behind the subject: the water's ripples of light, lit windows. */
		private void background(YuvFrame frame, Framing.Viewport camera, double seconds, double strength) {
			if (horizon >= 0 && ambient.contains(Ambient.WATER)) {
				ripples(frame, camera, seconds, strength);
			}
			if (twinkles()) {
				twinkle(frame, seconds, ambient.contains(Ambient.NEON));
			}
		}

		/**
		 * Sideways displacement of each output row of layer {@code i}, in output pixels: water
		 * below the horizon wobbles (more toward the viewer), the sea swells, aurora waves,
		 * foliage sways from the ground up, the subject sways from the feet up.
		 * @return whether any row moves
		 */
		private boolean rowShifts(SceneLayers.Layer layer, int i, Framing.Viewport v, double seconds,
				double strength, boolean wind, int rows) {
			boolean any = false;
			java.util.Arrays.fill(shifts, 0);
			double half = rows / 2.0;
			if (!layer.subject() && horizon >= 0 && ambient.contains(Ambient.WATER)) {
				double top = (horizon - v.centerY()) / v.scale() + half;
				double w1 = wave(1.1, seconds), w2 = wave(0.6, seconds);
				for (int y = Math.max(0, (int) Math.ceil(top)); y < rows; y++) {
					double depth = (y - top) / Math.max(1, rows - top);
					shifts[y] += strength * (0.35 + 0.65 * depth)
							* (1.5 * Math.sin(w1 + y * 0.45) + 0.8 * Math.sin(w2 - y * 0.17));
					any = true;
				}
			}
			if (ambient.contains(Ambient.SURF) && "far".equals(layer.name())) {
				double w = wave(0.25, seconds);
				for (int y = 0; y < rows; y++) {
					shifts[y] += strength * 1.2 * Math.sin(w + y * 0.09);
				}
				any = true;
			}
			if (i == 0 && ambient.contains(Ambient.AURORA)) {
				double w = wave(0.3, seconds);
				for (int y = 0; y < rows * 0.6; y++) {
					shifts[y] += strength * 2.5 * (1 - y / (rows * 0.6)) * Math.sin(w + y * 0.035);
				}
				any = true;
			}
			if (ambient.contains(Ambient.FOLIAGE) && ("near".equals(layer.name()) || "middle".equals(layer.name()))) {
				double amplitude = (wind ? 2.4 : 0.5) * strength * ("near".equals(layer.name()) ? 1 : 0.5);
				double sway = Math.sin(wave(wind ? 0.8 : 0.35, seconds))
						+ (wind ? 0.35 * Math.sin(wave(2.1, seconds)) : 0);
				for (int y = 0; y < rows; y++) {
					shifts[y] += amplitude * (1 - (double) y / rows) * sway;
				}
				any = true;
			}
			if (layer.subject()) {
				double feet = (subjectBottom - v.centerY()) / v.scale() + half;
				double tall = Math.max(1, (subjectBottom - subjectTop) / v.scale());
				double amplitude = (wind ? 2.0 : 0.6) * strength;
				double sway = Math.sin(wave(1 / 5.2, seconds)) + (wind ? 0.3 * Math.sin(wave(1.7, seconds)) : 0);
				for (int y = 0; y < rows; y++) {
					double up = Math.max(0, Math.min(1.2, (feet - y) / tall));
					// hair and shoulders (the top fifth) move a little more than the body
					shifts[y] += amplitude * sway * (up + (wind ? Math.max(0, up - 0.8) * 2 : 0));
				}
				any = true;
			}
			return any;
		}

		/** Bands of light moving over the water: each row's brightness rises and falls. */
		private void ripples(YuvFrame frame, Framing.Viewport camera, double seconds, double strength) {
			double top = (horizon - camera.centerY()) / camera.scale() + frame.height / 2.0;
			double w = wave(0.9, seconds);
			for (int y = Math.max(0, (int) Math.ceil(top)); y < frame.height; y++) {
				int change = (int) Math.round(256 * 0.07 * strength * Math.sin(w - y * 0.55));
				int o = y * frame.lumaStride;
				for (int x = 0; x < frame.width; x++) {
					int behind = 255 - (subjectCover[o + x] & 0xFF);
					int l = (frame.y[o + x] & 0xFF) - 16;
					frame.y[o + x] = (byte) Math.min(235, 16 + l + ((l * change * behind) >> 16));
				}
			}
		}

		/**
		 * Bright points of the buildings (lit windows, signs) brighten and dim, each 8×8 block on
		 * its own phase: with neon every block flickers, otherwise one in {@link #TWINKLING}, as
		 * many lit windows of a city at night hold steady. A block's sine comes from its phase's
		 * precomputed sine and cosine, so a frame costs no trigonometry per block, and only
		 * twinkling blocks are walked.
		 */
		private void twinkle(YuvFrame frame, double seconds, boolean neon) {
			double w = wave(neon ? 0.8 : 0.2, seconds);
			float sin1 = (float) Math.sin(w), cos1 = (float) Math.cos(w);
			float sin2 = (float) Math.sin(2 * w), cos2 = (float) Math.cos(2 * w);
			int across = activeBlocks.length;
			for (int by = 0; by < frame.height; by += 8) {
				int block = (by / 8) * across, active = 0;
				for (int bx = 0; bx < across; bx++) {
					int hash = blockHash(bx, by / 8);
					if (!neon && Math.floorMod(hash >>> 18, TWINKLING) != 0) {
						continue;
					}
					// odd blocks twice as fast: neighbours never pulse together
					boolean fast = (hash >>> 16 & 1) == 1;
					float c = phaseCos[block + bx], s = phaseSin[block + bx];
					double sine = fast ? sin2 * c + cos2 * s : sin1 * c + cos1 * s;
					activeBlocks[active] = bx;
					blockGains[active++] = (int) Math.round(256 * (0.86 + 0.14 * sine));
				}
				// row by row, the twinkling blocks' eight pixels of each
				for (int y = by, end = Math.min(frame.height, by + 8); y < end; y++) {
					int o = y * frame.lumaStride;
					for (int b = 0; b < active; b++) {
						int gain = blockGains[b];
						for (int x = 8 * activeBlocks[b], stop = Math.min(frame.width, x + 8); x < stop; x++) {
							int l = frame.y[o + x] & 0xFF;
							if (l > 170 && subjectCover[o + x] == 0 && cityCover[o + x] == (byte) 255) {
								frame.y[o + x] = (byte) (16 + (((l - 16) * gain) >> 8));
							}
						}
					}
				}
			}
		}

		/** A band of haze drifting across the middle of the picture. */
		private void mist(YuvFrame frame, double seconds, double strength) {
			double w = wave(1 / period, seconds);
			for (int x = 0; x < frame.width; x++) {
				double across = 0.5 + 0.5 * Math.sin(w + x * 2 * Math.PI * 1.5 / frame.width);
				columnLift[x] = (int) Math.round(across * Math.min(0.5, 0.22 * strength) * 65536);
			}
			int from = (int) (frame.height * 0.42), to = (int) (frame.height * 0.82);
			for (int y = from; y < to; y++) {
				double t = (double) (y - from) / (to - from);
				int down = (int) Math.round(Math.sin(Math.PI * t) * 256);
				int o = y * frame.lumaStride;
				for (int x = 0; x < frame.width; x++) {
					int l = frame.y[o + x] & 0xFF;
					long lift = (long) columnLift[x] * down >> 8;
					frame.y[o + x] = (byte) (l + (int) ((200 - l) * lift >> 16));
				}
			}
		}

		private void fog(YuvFrame frame, double strength) {
			int k = (int) Math.round(Math.min(0.6, 0.28 * strength) * 256);
			for (int y = 0; y < frame.height; y++) {
				int o = y * frame.lumaStride;
				for (int x = 0; x < frame.width; x++) {
					int l = frame.y[o + x] & 0xFF;
					frame.y[o + x] = (byte) (l + ((190 - l) * k >> 8));
				}
			}
			for (int y = 0; y < frame.height / 2; y++) {
				int o = y * frame.chromaStride;
				for (int x = 0; x < frame.width / 2; x++) {
					frame.u[o + x] = (byte) ((frame.u[o + x] & 0xFF) + ((128 - (frame.u[o + x] & 0xFF)) * k >> 8));
					frame.v[o + x] = (byte) ((frame.v[o + x] & 0xFF) + ((128 - (frame.v[o + x] & 0xFF)) * k >> 8));
				}
			}
		}

		/** Hot-air balloons rising slowly over the sky, each fading in and out on its own cycle. */
		private void balloons(YuvFrame frame, double seconds) {
			int[][] colours = { { 200, 60, 50 }, { 230, 160, 40 }, { 180, 40, 90 }, { 240, 200, 80 }, { 90, 120, 200 } };
			for (int b = 0; b < 9; b++) {
				long hash = mix(b + 101);
				double progress = fraction(seconds / period + unit(hash, 0));
				double x = unit(hash, 16) * frame.width;
				double y = frame.height * (0.2 + 0.35 * unit(hash, 32)) - progress * frame.height * 0.12;
				double radius = frame.height * (0.008 + 0.01 * unit(hash, 48));
				double alpha = Math.pow(Math.sin(Math.PI * progress), 2);
				int[] rgb = colours[b % colours.length];
				disc(frame, x, y, radius, rgb, alpha);
				disc(frame, x, y + radius * 1.3, radius * 0.25, new int[] { 90, 60, 40 }, alpha);
			}
		}

		/** Particles of one kind, each fading in, travelling and fading out on its own cycle. */
		private void drifters(YuvFrame frame, double seconds, Drifter kind, double strength) {
			int count = (int) Math.round(kind.count * Math.min(2, strength) * frame.width * frame.height / (1280.0 * 720));
			for (int p = 0; p < count; p++) {
				long hash = mix(p * 31L + kind.ordinal());
				// the faster kinds cross their path several times a clip; the fade hides each wrap
				int laps = Math.max(1, (int) Math.round(kind.laps * period / 6));
				double progress = fraction(laps * seconds / period + unit(hash, 0));
				double alpha = Math.sin(Math.PI * progress);
				double x = unit(hash, 16) * frame.width;
				double y = unit(hash, 32) * frame.height;
				double sway = Math.sin(wave(kind.swayHz, seconds) + p);
				switch (kind) {
					case RAIN -> {
						y = (y + progress * frame.height * 0.5) % frame.height;
						x += progress * frame.height * 0.06;
						streak(frame, x, y, 0.12, Math.max(6, frame.height / 40), 26 * alpha);
					}
					case SNOW -> {
						y = (y + progress * frame.height * 0.25) % frame.height;
						x += sway * 5;
						dot(frame, x, y, 1.6, 232, 128, 128, 0.9 * alpha);
					}
					case PETAL -> {
						y = (y + progress * frame.height * 0.3) % frame.height;
						x += sway * 7 * strength + progress * frame.width * 0.05 * strength;
						dot(frame, x, y, 2.2, 200, 132, 150, 0.85 * alpha);
					}
					case SAND -> {
						y = frame.height * (0.62 + 0.38 * unit(hash, 32));
						x = (x + progress * frame.width * 0.25 * strength) % frame.width;
						streak(frame, x, y, 8, 3, 20 * alpha);
					}
				}
			}
		}

		/** A line from (x, y) going down {@code length} rows, {@code slant} pixels across per row. */
		private void streak(YuvFrame frame, double x, double y, double slant, int length, double lift) {
			if (slant > 1) {
				// nearly level: along the row instead
				int yy = (int) y;
				if (yy < 0 || yy >= frame.height) {
					return;
				}
				int o = yy * frame.lumaStride;
				for (int k = 0; k < (int) slant; k++) {
					int xx = (int) x + k;
					if (xx >= 0 && xx < frame.width) {
						frame.y[o + xx] = (byte) Math.min(235, (frame.y[o + xx] & 0xFF) + (int) lift);
					}
				}
				return;
			}
			for (int k = 0; k < length; k++) {
				int yy = (int) y + k;
				int xx = (int) (x + k * slant);
				if (yy >= 0 && yy < frame.height && xx >= 0 && xx < frame.width) {
					int o = yy * frame.lumaStride + xx;
					frame.y[o] = (byte) Math.min(235, (frame.y[o] & 0xFF) + (int) lift);
				}
			}
		}

		/** A soft round dot of a Y'CbCr colour, drawn over the frame with {@code alpha}. */
		private void dot(YuvFrame frame, double cx, double cy, double radius, int luma, int cb, int cr, double alpha) {
			int x0 = (int) Math.floor(cx - radius), x1 = (int) Math.ceil(cx + radius);
			int y0 = (int) Math.floor(cy - radius), y1 = (int) Math.ceil(cy + radius);
			for (int y = Math.max(0, y0); y <= Math.min(frame.height - 1, y1); y++) {
				for (int x = Math.max(0, x0); x <= Math.min(frame.width - 1, x1); x++) {
					double ex = x + 0.5 - cx, ey = y + 0.5 - cy, d = Math.sqrt(ex * ex + ey * ey);
					double a = alpha * Math.max(0, Math.min(1, radius + 0.5 - d));
					if (a <= 0) {
						continue;
					}
					int o = y * frame.lumaStride + x;
					frame.y[o] = (byte) Math.round((frame.y[o] & 0xFF) * (1 - a) + luma * a);
					if ((x & 1) == 0 && (y & 1) == 0) {
						int c = (y / 2) * frame.chromaStride + x / 2;
						frame.u[c] = (byte) Math.round((frame.u[c] & 0xFF) * (1 - a) + cb * a);
						frame.v[c] = (byte) Math.round((frame.v[c] & 0xFF) * (1 - a) + cr * a);
					}
				}
			}
		}

		/**
		 * The same under what is already gathered (while the layers go front to back): only the
		 * part of each pixel not yet covered shows the dot.
		 */
		private void dotUnder(YuvFrame frame, double cx, double cy, double radius, int luma, int cb, int cr,
				double alpha) {
			int x0 = (int) Math.floor(cx - radius), x1 = (int) Math.ceil(cx + radius);
			int y0 = (int) Math.floor(cy - radius), y1 = (int) Math.ceil(cy + radius);
			for (int y = Math.max(0, y0); y <= Math.min(frame.height - 1, y1); y++) {
				int from = Math.max(0, x0), to = Math.min(frame.width - 1, x1) + 1;
				if (from >= to) {
					continue;
				}
				// the layers behind must know this part of the row is no longer bare
				coverage.lumaTouched.touch(y, from, to);
				if ((y & 1) == 0) {
					coverage.chromaTouched.touch(y / 2, from / 2, (to + 1) / 2);
				}
				for (int x = from; x < to; x++) {
					double ex = x + 0.5 - cx, ey = y + 0.5 - cy, d = Math.sqrt(ex * ex + ey * ey);
					double a = alpha * Math.max(0, Math.min(1, radius + 0.5 - d));
					if (a <= 0) {
						continue;
					}
					int o = y * frame.lumaStride + x;
					double open = a * (255 - (cover[o] & 0xFF)) / 255;
					frame.y[o] = (byte) Math.min(235, (frame.y[o] & 0xFF) + (int) Math.round((luma - 16) * open));
					cover[o] = (byte) Math.min(255, (cover[o] & 0xFF) + (int) Math.round(255 * open));
					if ((x & 1) == 0 && (y & 1) == 0) {
						int c = (y / 2) * frame.chromaStride + x / 2;
						double chromaOpen = a * (255 - (chromaCover[c] & 0xFF)) / 255;
						frame.u[c] = (byte) Math.max(0, Math.min(255, (frame.u[c] & 0xFF) + (int) Math.round((cb - 128) * chromaOpen)));
						frame.v[c] = (byte) Math.max(0, Math.min(255, (frame.v[c] & 0xFF) + (int) Math.round((cr - 128) * chromaOpen)));
						chromaCover[c] = (byte) Math.min(255, (chromaCover[c] & 0xFF) + (int) Math.round(255 * chromaOpen));
					}
				}
			}
		}

		/** A balloon-like disc of an RGB colour, under what is already gathered. */
		private void disc(YuvFrame frame, double cx, double cy, double radius, int[] rgb, double alpha) {
			double luma = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
			int y = (int) Math.round(16 + 219 * luma / 255);
			int cb = (int) Math.round(128 + 224 * (rgb[2] - luma) / (2 * (1 - 0.0722) * 255));
			int cr = (int) Math.round(128 + 224 * (rgb[0] - luma) / (2 * (1 - 0.2126) * 255));
			dotUnder(frame, cx, cy, radius, y, cb, cr, alpha);
		}

	}

	/**
	 * The picture's caption and vignette, converted once to premultiplied Y'CbCr at the output's
	 * size and laid over each finished frame where the picture has them: the place's name stays
	 * whole and still on screen while the scene moves behind it.
	 */
	private static final class Overlay {

		private static final double KR = 0.2126, KB = 0.0722, KG = 1 - KR - KB;

		private final int width, height;

		/**
		 * Per output pixel, premultiplied luma above black, and how much of what lies below shows
		 * through ({@code 255 - alpha}); per chroma pixel, premultiplied Cb and Cr about 0 and
		 * the same for chroma. Bytes, one read each, so laying the vignette over every pixel of
		 * every frame costs little.
		 */
		private final byte[] luma, keep, cb, cr, chromaKeep;

		/**
		 * Per output row, its stretches with alpha: stretch {@code s} of row {@code y}, for
		 * {@code s} from {@code stretchIndex[y]} to {@code stretchIndex[y + 1]}, is columns
		 * {@code stretches[2s]} to {@code stretches[2s + 1]} (exclusive), so the clear middle of a
		 * vignette is not walked.
		 */
		private final int[] stretchIndex, stretches;

		Overlay(BufferedImage image, int width, int height) {
			this.width = width;
			this.height = height;
			BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
			Graphics2D g = scaled.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
			g.dispose();
			int[] pixels = ((DataBufferInt) scaled.getRaster().getDataBuffer()).getData();
			luma = new byte[width * height];
			keep = new byte[width * height];
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					int p = pixels[y * width + x];
					int a = p >>> 24;
					luma[y * width + x] = (byte) Math.round(219 / 255.0
							* (KR * ((p >> 16) & 0xFF) + KG * ((p >> 8) & 0xFF) + KB * (p & 0xFF)));
					keep[y * width + x] = (byte) (255 - a);
				}
			}
			stretchIndex = new int[height + 1];
			int[] found = new int[64];
			int n = 0;
			for (int y = 0; y < height; y++) {
				stretchIndex[y] = n;
				for (int x = 0; x < width;) {
					while (x < width && keep[y * width + x] == (byte) 255) {
						x++;
					}
					int start = x;
					while (x < width && keep[y * width + x] != (byte) 255) {
						x++;
					}
					if (x > start) {
						if (2 * n + 2 > found.length) {
							found = java.util.Arrays.copyOf(found, 2 * found.length);
						}
						found[2 * n] = start;
						found[2 * n + 1] = x;
						n++;
					}
				}
			}
			stretchIndex[height] = n;
			stretches = java.util.Arrays.copyOf(found, 2 * n);
			int cw = width / 2, ch = height / 2;
			cb = new byte[cw * ch];
			cr = new byte[cw * ch];
			chromaKeep = new byte[cw * ch];
			for (int y = 0; y < ch; y++) {
				for (int x = 0; x < cw; x++) {
					double r = 0, gr = 0, b = 0, a = 0;
					for (int dy = 0; dy < 2; dy++) {
						for (int dx = 0; dx < 2; dx++) {
							int p = pixels[(2 * y + dy) * width + 2 * x + dx];
							r += (p >> 16) & 0xFF;
							gr += (p >> 8) & 0xFF;
							b += p & 0xFF;
							a += p >>> 24;
						}
					}
					double yPrime = (KR * r + KG * gr + KB * b) / 4;
					cb[y * cw + x] = (byte) Math.round(224 * (b / 4 - yPrime) / (2 * (1 - KB) * 255));
					cr[y * cw + x] = (byte) Math.round(224 * (r / 4 - yPrime) / (2 * (1 - KR) * 255));
					chromaKeep[y * cw + x] = (byte) (255 - Math.round(a / 4));
				}
			}
		}

		/** Row {@code y}'s first column with alpha, or the width when it has none. */
		private int firstColumn(int y) {
			return stretchIndex[y] < stretchIndex[y + 1] ? stretches[2 * stretchIndex[y]] : width;
		}

		/** Row {@code y}'s last column with alpha, or -1 when it has none. */
		private int lastColumn(int y) {
			return stretchIndex[y] < stretchIndex[y + 1] ? stretches[2 * stretchIndex[y + 1] - 1] - 1 : -1;
		}

		/**
		 * "Over" the finished frame, premultiplied: below times {@code keep / 255} (as
		 * {@code keep * 257 / 65536}, which leaves a pixel the overlay does not cover as it was),
		 * plus the overlay's own colour.
		 */
		void over(YuvFrame frame) {
			for (int y = 0; y < height; y++) {
				int o = y * frame.lumaStride, i = y * width;
				for (int s = stretchIndex[y]; s < stretchIndex[y + 1]; s++) {
					for (int x = stretches[2 * s], end = stretches[2 * s + 1]; x < end; x++) {
						int below = (frame.y[o + x] & 0xFF) - 16;
						int value = 16 + (luma[i + x] & 0xFF) + ((below * (keep[i + x] & 0xFF) * 257 + 32768) >> 16);
						frame.y[o + x] = (byte) Math.max(16, Math.min(235, value));
					}
				}
			}
			int cw = width / 2;
			for (int y = 0; y < height / 2; y++) {
				int o = y * frame.chromaStride, i = y * cw;
				int from = Math.min(firstColumn(2 * y), firstColumn(2 * y + 1)) / 2;
				int to = Math.max(lastColumn(2 * y), lastColumn(2 * y + 1)) / 2;
				for (int x = from; x <= to; x++) {
					int k = (chromaKeep[i + x] & 0xFF) * 257;
					int u = 128 + cb[i + x] + ((((frame.u[o + x] & 0xFF) - 128) * k + 32768) >> 16);
					int v = 128 + cr[i + x] + ((((frame.v[o + x] & 0xFF) - 128) * k + 32768) >> 16);
					frame.u[o + x] = (byte) Math.max(0, Math.min(255, u));
					frame.v[o + x] = (byte) Math.max(0, Math.min(255, v));
				}
			}
		}

	}

	/** What falls or blows through a scene: how many in a 720p frame, laps of their path per 6 s, sway. */
	private enum Drifter {

		RAIN(420, 6, 0.5), SNOW(260, 1, 0.2), PETAL(70, 1, 0.35), SAND(160, 2, 0.5);

		final int count;

		final double laps, swayHz;

		Drifter(int count, double laps, double swayHz) {
			this.count = count;
			this.laps = laps;
			this.swayHz = swayHz;
		}

	}

	/**
	 * The phase at {@code seconds} of a motion of about {@code hertz}, its frequency rounded to a
	 * whole number of cycles in the clip so it is where it started when the clip begins again.
	 */
	private double wave(double hertz, double seconds) {
		double cycles = Math.max(1, Math.round(hertz * period));
		return 2 * Math.PI * cycles * seconds / period;
	}

	private static double fraction(double value) {
		return value - Math.floor(value);
	}

	private static long mix(long value) {
		long z = value * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** 16 bits of {@code hash} from bit {@code shift}, as 0 to 1. */
	private static double unit(long hash, int shift) {
		return ((hash >>> shift) & 0xFFFF) / 65535.0;
	}

	/** Of the lit windows' 8x8 blocks, one in this many twinkles (with neon, all of them). */
	private static final int TWINKLING = 2;

	/** The hash of 8x8 block ({@code bx}, {@code by}) that sets its twinkle's phase and pace. */
	private static int blockHash(int bx, int by) {
		return (bx * 8 * 73856093) ^ (by * 8 * 19349663);
	}

	/** The camera's move from the first frame, scaled by the layer's parallax. */
	private static Framing.Viewport layerViewport(Framing.Viewport camera, Framing.Viewport reference,
			double parallax) {
		double cx = reference.centerX() + (camera.centerX() - reference.centerX()) * parallax;
		double cy = reference.centerY() + (camera.centerY() - reference.centerY()) * parallax;
		double scale = reference.scale() * Math.pow(camera.scale() / reference.scale(), parallax);
		return new Framing.Viewport(cx, cy, scale, camera.roll());
	}

	/** A slow breath: the subject grows and shrinks by a few tenths of a percent. */
	private Framing.Viewport breathe(Framing.Viewport v, double seconds) {
		double breath = 1 + 0.004 * atmosphere.intensity() * Math.sin(wave(1 / 3.6, seconds));
		return new Framing.Viewport(v.centerX(), v.centerY(), v.scale() / breath, v.roll());
	}

	/**
	 * Keeps a viewport's samples inside the planes (with room for the rows' sideways shifts): a
	 * layer that moves more than the camera could otherwise look past the picture's edge (roll
	 * is small and allowed for by the fit).
	 */
	private Framing.Viewport clamp(Framing.Viewport v, LayerPlanes planes) {
		double halfWidth = v.scale() * (outWidth / 2.0 + 6) + 1;
		double halfHeight = v.scale() * outHeight / 2.0 + 1;
		double maxX = planes.width - 1;
		double maxY = planes.height - 1;
		double cx = halfWidth * 2 >= maxX ? maxX / 2 : Math.max(halfWidth, Math.min(maxX - halfWidth, v.centerX()));
		double cy = halfHeight * 2 >= maxY ? maxY / 2 : Math.max(halfHeight, Math.min(maxY - halfHeight, v.centerY()));
		return new Framing.Viewport(cx, cy, v.scale(), v.roll());
	}

}
