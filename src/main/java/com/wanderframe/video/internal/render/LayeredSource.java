package com.wanderframe.video.internal.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import com.wanderframe.location.Stage;

/**
 * Renders a frame from depth layers: each layer sampled through its own viewport (the camera's
 * move scaled by the layer's parallax, so near layers shift more than far ones and the subject
 * floats in front), composited in Y'CbCr with premultiplied alpha, then the place's own motion
 * on top: water shimmer below the horizon, drifting sky, twinkling lights, the subject
 * breathing, and the prompt's rain, snow or fog. Everything is a function of the frame's time,
 * so the same request renders the same clip, and nothing is kept per frame.
 */
final class LayeredSource {

	private final SourcePlanes[] colour;

	/** Alpha as luma (16 + 219 a); null for the opaque first layer. */
	private final SourcePlanes[] alpha;

	private final double[] parallax;

	private final boolean[] subject;

	private final SceneLayers scene;

	private final Atmosphere atmosphere;

	private final Framing.Viewport[] viewports;

	private final int fps;

	private final int outWidth, outHeight;

	/** Water's top in source pixels, or negative. */
	private final double horizon;

	LayeredSource(SceneLayers scene, double scale, Framing.Viewport[] viewports, Atmosphere atmosphere, int fps,
			int outWidth, int outHeight) {
		int n = scene.layers().size();
		this.outWidth = outWidth;
		this.outHeight = outHeight;
		this.scene = scene;
		this.atmosphere = atmosphere;
		this.viewports = viewports;
		this.fps = fps;
		colour = new SourcePlanes[n];
		alpha = new SourcePlanes[n];
		parallax = new double[n];
		subject = new boolean[n];
		for (int i = 0; i < n; i++) {
			SceneLayers.Layer layer = scene.layers().get(i);
			parallax[i] = layer.parallax();
			subject[i] = layer.subject();
			if (i == 0) {
				colour[i] = SourcePlanes.of(layer.image(), scale);
			}
			else {
				colour[i] = SourcePlanes.of(overBlack(layer.image()), scale);
				alpha[i] = SourcePlanes.of(alphaAsGrey(layer.image()), scale);
			}
		}
		this.horizon = scene.horizon() < 0 ? -1 : scene.horizon() * colour[0].height;
	}

	int width() {
		return colour[0].width;
	}

	int height() {
		return colour[0].height;
	}

	/** Scratch frames for one renderer thread. */
	final class Painter {

		private final YuvFrame layerColour;

		private final YuvFrame layerAlpha;

		private final byte[] row;

		Painter(YuvFrame shape) {
			layerColour = new YuvFrame(shape.width, shape.height, shape.lumaStride, shape.chromaStride);
			layerAlpha = new YuvFrame(shape.width, shape.height, shape.lumaStride, shape.chromaStride);
			row = new byte[Math.max(shape.lumaStride, shape.chromaStride) + 2];
		}

		void paint(int index, YuvFrame frame) {
			double seconds = (double) index / fps;
			Framing.Viewport base = viewports[index];
			Framing.Viewport reference = viewports[0];
			double strength = atmosphere.intensity();
			for (int i = 0; i < colour.length; i++) {
				Framing.Viewport v = layerViewport(base, reference, parallax[i], colour[i]);
				if (i == 0 && (scene.ambient().contains(Stage.Ambient.CLOUDS)
						|| scene.ambient().contains(Stage.Ambient.MIST) || scene.ambient().contains(Stage.Ambient.AURORA))) {
					// The sky drifts on its own, a few pixels a second.
					v = clamp(new Framing.Viewport(v.centerX() + seconds * 3.0 * strength, v.centerY(), v.scale(), v.roll()),
							colour[i]);
				}
				if (subject[i]) {
					v = breathe(v, seconds, colour[i]);
				}
				if (i == 0) {
					colour[i].render(v, frame);
					continue;
				}
				colour[i].render(v, layerColour);
				alpha[i].render(v, layerAlpha);
				blend(frame);
			}
			if (horizon >= 0 && scene.ambient().contains(Stage.Ambient.WATER)) {
				shimmer(frame, base, seconds, strength);
			}
			if (scene.ambient().contains(Stage.Ambient.WINDOWS) || scene.ambient().contains(Stage.Ambient.NEON)) {
				twinkle(frame, seconds, scene.ambient().contains(Stage.Ambient.NEON));
			}
			if (atmosphere.fog()) {
				fog(frame, strength);
			}
			if (atmosphere.rain()) {
				particles(frame, index, seconds, false, strength);
			}
			if (atmosphere.snow()) {
				particles(frame, index, seconds, true, strength);
			}
		}

		/** out = (out - black)(1 - a) + premultiplied colour, for luma and both chroma planes. */
		private void blend(YuvFrame frame) {
			int w = frame.width;
			for (int y = 0; y < frame.height; y++) {
				int o = y * frame.lumaStride;
				for (int x = 0; x < w; x++) {
					int a = ((layerAlpha.y[o + x] & 0xFF) - 16) * 256 / 219;
					if (a <= 0) {
						continue;
					}
					if (a >= 256) {
						frame.y[o + x] = layerColour.y[o + x];
						continue;
					}
					int out = (((frame.y[o + x] & 0xFF) - 16) * (256 - a) >> 8) + (layerColour.y[o + x] & 0xFF);
					frame.y[o + x] = (byte) Math.min(255, out);
				}
			}
			for (int y = 0; y < frame.height / 2; y++) {
				int o = y * frame.chromaStride;
				int l0 = 2 * y * frame.lumaStride;
				int l1 = l0 + frame.lumaStride;
				for (int x = 0; x < w / 2; x++) {
					int a = (((layerAlpha.y[l0 + 2 * x] & 0xFF) + (layerAlpha.y[l1 + 2 * x] & 0xFF)) / 2 - 16) * 256 / 219;
					if (a <= 0) {
						continue;
					}
					a = Math.min(256, a);
					frame.u[o + x] = (byte) Math.max(0, Math.min(255,
							(((frame.u[o + x] & 0xFF) - 128) * (256 - a) >> 8) + (layerColour.u[o + x] & 0xFF)));
					frame.v[o + x] = (byte) Math.max(0, Math.min(255,
							(((frame.v[o + x] & 0xFF) - 128) * (256 - a) >> 8) + (layerColour.v[o + x] & 0xFF)));
				}
			}
		}

		/**
		 * Rows below the horizon slide sideways by a fraction of a pixel to a few pixels, more
		 * toward the viewer, in slow waves: the surface moves even when the camera holds.
		 */
		private void shimmer(YuvFrame frame, Framing.Viewport base, double seconds, double strength) {
			double top = (horizon - base.centerY()) / base.scale() + frame.height / 2.0;
			int start = (int) Math.max(0, Math.ceil(top));
			for (int y = start; y < frame.height; y++) {
				double depth = (y - top) / Math.max(1, frame.height - top);
				double shift = Math.sin(seconds * 2.1 + y * 0.37) * (0.4 + depth * 2.6) * strength
						+ Math.sin(seconds * 1.3 - y * 0.11) * 0.5 * strength;
				shiftRow(frame.y, y * frame.lumaStride, frame.width, shift);
				if ((y & 1) == 0) {
					int cy = y / 2;
					shiftRow(frame.u, cy * frame.chromaStride, frame.width / 2, shift / 2);
					shiftRow(frame.v, cy * frame.chromaStride, frame.width / 2, shift / 2);
				}
			}
		}

		private void shiftRow(byte[] plane, int offset, int width, double shift) {
			System.arraycopy(plane, offset, row, 1, width);
			row[0] = row[1];
			row[width + 1] = row[width];
			int whole = (int) Math.floor(shift);
			int f = (int) Math.round((shift - whole) * 256);
			for (int x = 0; x < width; x++) {
				int s = Math.max(0, Math.min(width - 1, x + whole)) + 1;
				int s1 = Math.min(width, s + 1);
				int a = row[s] & 0xFF;
				int b = row[s1] & 0xFF;
				plane[offset + x] = (byte) ((a * (256 - f) + b * f + 128) >> 8);
			}
		}

		/** Bright points (lit windows, signs) brighten and dim, each 8×8 block on its own phase. */
		private void twinkle(YuvFrame frame, double seconds, boolean neon) {
			double speed = neon ? 5.0 : 1.3;
			for (int by = 0; by < frame.height; by += 8) {
				for (int bx = 0; bx < frame.width; bx += 8) {
					int hash = (bx * 73856093) ^ (by * 19349663);
					double phase = (hash & 0xFFFF) / 65535.0 * Math.PI * 2;
					double gain = 0.86 + 0.14 * Math.sin(seconds * speed + phase);
					for (int y = by; y < Math.min(frame.height, by + 8); y++) {
						int o = y * frame.lumaStride;
						for (int x = bx; x < Math.min(frame.width, bx + 8); x++) {
							int v = frame.y[o + x] & 0xFF;
							if (v > 170) {
								frame.y[o + x] = (byte) (16 + (int) ((v - 16) * gain));
							}
						}
					}
				}
			}
		}

		private void fog(YuvFrame frame, double strength) {
			int k = (int) Math.round(Math.min(0.6, 0.28 * strength) * 256);
			for (int y = 0; y < frame.height; y++) {
				int o = y * frame.lumaStride;
				for (int x = 0; x < frame.width; x++) {
					int v = frame.y[o + x] & 0xFF;
					frame.y[o + x] = (byte) (v + ((190 - v) * k >> 8));
				}
			}
			for (int i = 0; i < frame.u.length; i++) {
				frame.u[i] = (byte) ((frame.u[i] & 0xFF) + ((128 - (frame.u[i] & 0xFF)) * k >> 8));
				frame.v[i] = (byte) ((frame.v[i] & 0xFF) + ((128 - (frame.v[i] & 0xFF)) * k >> 8));
			}
		}

		/** Rain streaks or snowflakes falling, each at a place fixed by its number, so clips repeat. */
		private void particles(YuvFrame frame, int index, double seconds, boolean snow, double strength) {
			int count = (int) ((snow ? 260 : 420) * Math.min(2, strength));
			int w = frame.width;
			int h = frame.height;
			for (int p = 0; p < count; p++) {
				long hash = (p * 0x9E3779B97F4A7C15L) ^ 0x5DEECE66DL;
				double x0 = ((hash >>> 11) & 0xFFFF) / 65535.0 * w;
				double y0 = ((hash >>> 29) & 0xFFFF) / 65535.0 * h;
				double speed = snow ? h * (0.06 + ((hash >>> 45) & 0xFF) / 255.0 * 0.06) : h * (0.9 + ((hash >>> 45) & 0xFF) / 255.0 * 0.5);
				double y = (y0 + seconds * speed) % h;
				double x = (x0 + (snow ? Math.sin(seconds * 1.2 + p) * 6 : y * 0.12)) % w;
				if (snow) {
					int cx = (int) x;
					int cy = (int) y;
					for (int dy = 0; dy < 2; dy++) {
						for (int dx = 0; dx < 2; dx++) {
							int yy = cy + dy;
							int xx = cx + dx;
							if (yy < h && xx < w && xx >= 0) {
								int o = yy * frame.lumaStride + xx;
								frame.y[o] = (byte) Math.max(frame.y[o] & 0xFF, 228);
							}
						}
					}
				}
				else {
					int length = Math.max(6, h / 40);
					for (int k = 0; k < length; k++) {
						int yy = (int) y + k;
						int xx = (int) (x + k * 0.12);
						if (yy < h && xx >= 0 && xx < w) {
							int o = yy * frame.lumaStride + xx;
							int v = frame.y[o] & 0xFF;
							frame.y[o] = (byte) Math.min(235, v + 28);
						}
					}
				}
			}
		}

	}

	Painter painter(YuvFrame shape) {
		return new Painter(shape);
	}

	/** The camera's move from the first frame, scaled by the layer's parallax, kept inside the picture. */
	private Framing.Viewport layerViewport(Framing.Viewport base, Framing.Viewport reference, double parallax,
			SourcePlanes planes) {
		double cx = reference.centerX() + (base.centerX() - reference.centerX()) * parallax;
		double cy = reference.centerY() + (base.centerY() - reference.centerY()) * parallax;
		double scale = reference.scale() * Math.pow(base.scale() / reference.scale(), parallax);
		return clamp(new Framing.Viewport(cx, cy, scale, base.roll()), planes);
	}

	/** A slow breath: the subject grows and shrinks by a few tenths of a percent, swaying a little. */
	private Framing.Viewport breathe(Framing.Viewport v, double seconds, SourcePlanes planes) {
		double sway = (atmosphere.wind() ? 2.2 : 0.7) * atmosphere.intensity();
		double breath = 1 + 0.004 * Math.sin(seconds * Math.PI * 2 / 3.6);
		return clamp(new Framing.Viewport(v.centerX() + Math.sin(seconds * Math.PI * 2 / 5.2) * sway * v.scale(),
				v.centerY(), v.scale() / breath, v.roll()), planes);
	}

	/**
	 * Keeps a viewport's samples inside the planes: a layer that moves more than the camera
	 * could otherwise look past the picture's edge (roll is small and allowed for by the fit).
	 */
	private Framing.Viewport clamp(Framing.Viewport v, SourcePlanes planes) {
		double halfWidth = v.scale() * outWidth / 2.0 + 1;
		double halfHeight = v.scale() * outHeight / 2.0 + 1;
		double maxX = planes.width - 1;
		double maxY = planes.height - 1;
		double cx = halfWidth * 2 >= maxX ? maxX / 2 : Math.max(halfWidth, Math.min(maxX - halfWidth, v.centerX()));
		double cy = halfHeight * 2 >= maxY ? maxY / 2 : Math.max(halfHeight, Math.min(maxY - halfHeight, v.centerY()));
		return new Framing.Viewport(cx, cy, v.scale(), v.roll());
	}

	private static BufferedImage overBlack(BufferedImage layer) {
		BufferedImage out = new BufferedImage(layer.getWidth(), layer.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.BLACK);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.setComposite(AlphaComposite.SrcOver);
		g.drawImage(layer, 0, 0, null);
		g.dispose();
		return out;
	}

	private static BufferedImage alphaAsGrey(BufferedImage layer) {
		int w = layer.getWidth();
		int h = layer.getHeight();
		int[] argb = layer.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < argb.length; i++) {
			int a = argb[i] >>> 24;
			argb[i] = 0xFF000000 | (a << 16) | (a << 8) | a;
		}
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		out.setRGB(0, 0, w, h, argb, 0, w);
		return out;
	}

}
