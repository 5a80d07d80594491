package com.wanderframe.location.internal;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * The brushes the scenes are drawn with: gradients, glows, noise ridges, soft clouds, stars and
 * mirrored water. Coordinates are in pixels; {@link #x(double)} and {@link #y(double)} turn
 * fractions of the canvas into pixels so scenes read independently of the size. Everything
 * random comes from one seeded {@link Random}, so a scene always paints the same picture.
 */
final class Painter {

	final BufferedImage image;

	final Graphics2D g;

	final int w;

	final int h;

	final Random random;

	/** The depths a scene is painted in, back to front; each ends where the next begins. */
	enum Depth {
		SKY, FAR, MIDDLE, NEAR
	}

	/** The canvas as it was when each depth was finished (null until then). */
	private final BufferedImage[] depthEnds = new BufferedImage[Depth.values().length];

	private int depth = 0;

	Painter(BufferedImage image, long seed) {
		this.image = image;
		this.g = image.createGraphics();
		this.w = image.getWidth();
		this.h = image.getHeight();
		this.random = new Random(seed);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
	}

	double x(double fraction) {
		return fraction * w;
	}

	double y(double fraction) {
		return fraction * h;
	}

	double between(double min, double max) {
		return min + random.nextDouble() * (max - min);
	}

	static Color rgb(int rgb) {
		return new Color(rgb);
	}

	static Color rgba(int rgb, double alpha) {
		return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, (int) Math.round(clamp(alpha) * 255));
	}

	static Color mix(Color a, Color b, double t) {
		t = clamp(t);
		return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
				(int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
				(int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t),
				(int) Math.round(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * t));
	}

	static double clamp(double value) {
		return Math.max(0, Math.min(1, value));
	}

	/** A vertical gradient from the top of the canvas to {@code bottom} (a fraction). */
	void sky(double bottom, float[] stops, Color... colors) {
		g.setPaint(new LinearGradientPaint(0, 0, 0, (float) y(bottom), stops, colors));
		g.fill(new Rectangle2D.Double(0, 0, w, y(bottom) + 1));
	}

	void verticalGradient(double top, double bottom, Color from, Color to) {
		g.setPaint(new GradientPaint(0, (float) y(top), from, 0, (float) y(bottom), to));
		g.fill(new Rectangle2D.Double(0, y(top), w, y(bottom) - y(top) + 1));
	}

	/** A soft light: the colour at the centre fading to nothing at {@code radius}. */
	void glow(double cx, double cy, double radius, Color color) {
		Color clear = new Color(color.getRed(), color.getGreen(), color.getBlue(), 0);
		g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, cy), (float) radius, new float[] { 0f, 0.35f, 1f },
				new Color[] { color, mix(clear, color, 0.35), clear }));
		g.fill(new Ellipse2D.Double(cx - radius, cy - radius, radius * 2, radius * 2));
	}

	void disc(double cx, double cy, double r, Paint paint) {
		g.setPaint(paint);
		g.fill(new Ellipse2D.Double(cx - r, cy - r, r * 2, r * 2));
	}

	/** A sun or moon with its halo. */
	void sun(double cx, double cy, double r, Color core, Color halo) {
		glow(cx, cy, r * 7, rgba(halo.getRGB(), 0.35));
		glow(cx, cy, r * 2.6, rgba(halo.getRGB(), 0.6));
		disc(cx, cy, r, core);
	}

	void stars(int count, double bottom, double maxAlpha) {
		for (int i = 0; i < count; i++) {
			double sx = random.nextDouble() * w;
			double sy = Math.pow(random.nextDouble(), 1.4) * y(bottom);
			double size = random.nextDouble() < 0.06 ? between(2.2, 3.4) : between(0.8, 1.9);
			double fade = 1 - sy / y(bottom) * 0.7;
			disc(sx, sy, size, new Color(1f, 1f, 0.95f, (float) (between(0.3, 1) * maxAlpha * fade)));
			if (size > 2.4) {
				glow(sx, sy, size * 5, new Color(1f, 1f, 1f, (float) (0.25 * maxAlpha)));
			}
		}
	}

	/** A soft cloud: overlapping ellipses, lit from above. */
	void cloud(double cx, double cy, double width, Color light, Color shade) {
		int puffs = 7 + random.nextInt(6);
		for (int i = 0; i < puffs; i++) {
			double px = cx + between(-0.5, 0.5) * width;
			double pr = width * between(0.12, 0.26) * (1 - Math.abs(px - cx) / width);
			double py = cy - pr * between(0.1, 0.7);
			g.setPaint(new GradientPaint(0, (float) (py - pr), light, 0, (float) (py + pr), shade));
			g.fill(new Ellipse2D.Double(px - pr * 1.5, py - pr, pr * 3, pr * 2));
		}
	}

	/** Thin streaks of cloud near the horizon, as at dusk. */
	void streaks(int count, double top, double bottom, Color color) {
		for (int i = 0; i < count; i++) {
			double sy = between(y(top), y(bottom));
			double sw = between(0.15, 0.45) * w;
			double sx = between(-0.1, 1) * w;
			double sh = between(4, 14);
			Color clear = new Color(color.getRed(), color.getGreen(), color.getBlue(), 0);
			g.setPaint(new LinearGradientPaint((float) sx, 0, (float) (sx + sw), 0, new float[] { 0f, 0.5f, 1f },
					new Color[] { clear, color, clear }));
			g.fill(new Ellipse2D.Double(sx, sy, sw, sh));
		}
	}

	/**
	 * A smooth random line across the canvas (fractal value noise): {@code samples + 1} heights
	 * in about -1..1.
	 */
	double[] noiseLine(int samples, int octaves, double baseFrequency, double persistence) {
		double[] line = new double[samples + 1];
		double amplitude = 1;
		double frequency = baseFrequency;
		double total = 0;
		for (int o = 0; o < octaves; o++) {
			int knots = (int) Math.ceil(frequency) + 2;
			double[] values = new double[knots];
			for (int k = 0; k < knots; k++) {
				values[k] = random.nextDouble() * 2 - 1;
			}
			for (int i = 0; i <= samples; i++) {
				double t = (double) i / samples * frequency;
				int k = (int) t;
				double f = t - k;
				double smooth = (1 - Math.cos(f * Math.PI)) / 2;
				line[i] += amplitude * (values[k] * (1 - smooth) + values[k + 1] * smooth);
			}
			total += amplitude;
			amplitude *= persistence;
			frequency *= 2;
		}
		for (int i = 0; i <= samples; i++) {
			line[i] /= total;
		}
		return line;
	}

	/** A range of hills or mountains from {@code baseY} (fraction) down to the bottom of the canvas. */
	Path2D ridge(double baseY, double amplitude, int octaves, double frequency, double persistence) {
		int samples = 256;
		double[] line = noiseLine(samples, octaves, frequency, persistence);
		Path2D path = new Path2D.Double();
		path.moveTo(0, h);
		for (int i = 0; i <= samples; i++) {
			path.lineTo((double) i / samples * w, y(baseY) - line[i] * y(amplitude));
		}
		path.lineTo(w, h);
		path.closePath();
		return path;
	}

	/** A height line in pixels, one value per {@link #PROFILE_STEP} pixels across the canvas. */
	double[] profile(double baseY, double amplitude, int octaves, double frequency, double persistence) {
		int samples = w / PROFILE_STEP;
		double[] line = noiseLine(samples, octaves, frequency, persistence);
		for (int i = 0; i <= samples; i++) {
			line[i] = y(baseY) - line[i] * y(amplitude);
		}
		return line;
	}

	static final int PROFILE_STEP = 4;

	/** The area below a profile. */
	Path2D below(double[] profile) {
		Path2D path = new Path2D.Double();
		path.moveTo(0, h);
		for (int i = 0; i < profile.length; i++) {
			path.lineTo(i * PROFILE_STEP, profile[i]);
		}
		path.lineTo(w, h);
		path.closePath();
		return path;
	}

	/** The height of a profile at {@code px} pixels. */
	static double at(double[] profile, double px) {
		double t = Math.max(0, Math.min(profile.length - 1.001, px / PROFILE_STEP));
		int i = (int) t;
		return profile[i] + (profile[i + 1] - profile[i]) * (t - i);
	}

	/** Fills a shape with a vertical gradient spanning its bounds. */
	void fillVertical(Shape shape, Color top, Color bottom) {
		Rectangle2D bounds = shape.getBounds2D();
		g.setPaint(new GradientPaint(0, (float) bounds.getMinY(), top, 0, (float) bounds.getMaxY(), bottom));
		g.fill(shape);
	}

	void fill(Shape shape, Paint paint) {
		g.setPaint(paint);
		g.fill(shape);
	}

	/** A band of mist around {@code centerY}, clear above and below. */
	void mist(double centerY, double height, Color color) {
		Color clear = new Color(color.getRed(), color.getGreen(), color.getBlue(), 0);
		float top = (float) y(centerY - height / 2);
		float bottom = (float) y(centerY + height / 2);
		g.setPaint(new LinearGradientPaint(0, top, 0, bottom, new float[] { 0f, 0.5f, 1f },
				new Color[] { clear, color, clear }));
		g.fill(new Rectangle2D.Double(0, top, w, bottom - top));
	}

	void stroke(Shape shape, Color color, double width) {
		g.setColor(color);
		g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(shape);
	}

	/**
	 * Turns everything below {@code horizon} (a fraction) into water mirroring what is above it,
	 * with ripples that grow toward the viewer and a tint of the water's own colour.
	 */
	void reflect(double horizon, Color tint, double tintAlpha, double ripple) {
		int top = (int) Math.round(y(horizon));
		int[] row = new int[w];
		int[] out = new int[w];
		double phase = random.nextDouble() * Math.PI * 2;
		for (int yy = top; yy < h; yy++) {
			double depth = (double) (yy - top) / Math.max(1, h - top);
			int sourceY = Math.max(0, top - 1 - (int) ((yy - top) * 1.0));
			double wave = Math.sin(phase + yy * 0.9 / (0.25 + depth)) * ripple * (0.3 + depth * 3);
			int shift = (int) Math.round(wave);
			image.getRGB(0, sourceY, w, 1, row, 0, w);
			double alpha = tintAlpha + (1 - tintAlpha) * depth * 0.35;
			for (int xx = 0; xx < w; xx++) {
				int sx = Math.min(w - 1, Math.max(0, xx + shift));
				int p = row[sx];
				int r = (int) (((p >> 16) & 0xff) * (1 - alpha) + tint.getRed() * alpha);
				int gg = (int) (((p >> 8) & 0xff) * (1 - alpha) + tint.getGreen() * alpha);
				int b = (int) ((p & 0xff) * (1 - alpha) + tint.getBlue() * alpha);
				out[xx] = 0xff000000 | (r << 16) | (gg << 8) | b;
			}
			image.setRGB(0, yy, w, 1, out, 0, w);
		}
		// Glints on the surface, thin and wide like light on slow water.
		for (int i = 0; i < 90; i++) {
			double gy = between(top + 4, h);
			double depth = (gy - top) / (h - top);
			double gw = between(20, 140) * (0.4 + depth * 1.6);
			double gx = between(-0.05, 1.05) * w;
			fill(new Ellipse2D.Double(gx, gy, gw, 1.5 + depth * 3),
					new Color(1f, 1f, 1f, (float) between(0.04, 0.14)));
		}
	}

	/**
	 * Starts painting at {@code next} depth: what was drawn so far belongs to the depths before
	 * it. Keeping a snapshot per depth lets the layers be told apart afterwards without changing
	 * how anything is drawn (brushes like {@link #reflect} read what lies behind them).
	 */
	void depth(Depth next) {
		while (depth < next.ordinal()) {
			depthEnds[depth++] = copy(image);
		}
	}

	/** Ends the last depth: what follows (the lens) belongs to no layer. */
	void finishDepths() {
		depth(Depth.NEAR);
		if (depthEnds[Depth.NEAR.ordinal()] == null) {
			depthEnds[Depth.NEAR.ordinal()] = copy(image);
		}
	}

	/** The canvas at the end of each depth, after {@link #finishDepths()}. */
	BufferedImage[] depthEnds() {
		return depthEnds.clone();
	}

	private static BufferedImage copy(BufferedImage source) {
		BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
		copy.setData(source.getRaster());
		return copy;
	}

	/** Darkens the corners a little, like a lens does. */
	void vignette(double strength) {
		finishDepths();
		float radius = (float) (Math.hypot(w, h) / 2);
		g.setPaint(new RadialGradientPaint(new Point2D.Double(w / 2.0, h / 2.0), radius, new float[] { 0.55f, 1f },
				new Color[] { new Color(0, 0, 0, 0), new Color(0f, 0f, 0f, (float) strength) }));
		g.fill(new Rectangle2D.Double(0, 0, w, h));
	}

	void withAlpha(double alpha, Runnable drawing) {
		Composite previous = g.getComposite();
		g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
		drawing.run();
		g.setComposite(previous);
	}

	void dispose() {
		g.dispose();
	}

}
