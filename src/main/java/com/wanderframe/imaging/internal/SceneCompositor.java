package com.wanderframe.imaging.internal;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.wanderframe.location.Scenery;
import com.wanderframe.location.Stage;
import com.wanderframe.segmentation.PersonMatte;

/**
 * The person, cut out, standing in the place: placed where the place says people stand, their
 * colour and contrast moved toward the scene's, the scene's light wrapped around their edges
 * and a rim on the side the light comes from, a soft shadow, the backdrop softened a little
 * behind them, and one grain over everything. Deterministic: the same photo and place give the
 * same pixels.
 */
final class SceneCompositor {

	static final int WIDTH = LocalCompositor.WIDTH;

	static final int HEIGHT = LocalCompositor.HEIGHT;

	/** How far the person's colour statistics move toward the scene's. */
	private static final float MATCH = 0.3f;

	/** The composite, where the person is in it, and its layers back to front (the subject last). */
	record Composition(BufferedImage image, Rectangle subject, List<Scenery.Layer> layers) {
	}

	Composition compose(PersonMatte person, BufferedImage backdrop, Scenery scenery, long seed) {
		Stage stage = scenery.stage();
		BufferedImage background = scaled(backdrop, BufferedImage.TYPE_INT_RGB);
		int[] bg = background.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
		int[] bgSoft = Filters.softRgb(bg, WIDTH, HEIGHT, 40);

		Placement placement = place(person, stage);
		float[] alpha = new float[WIDTH * HEIGHT];
		int[] colour = new int[WIDTH * HEIGHT];
		draw(person, placement, alpha, colour);

		matchColour(colour, alpha, bg, stage.light());
		lightWrap(colour, alpha, bgSoft, stage, placement);
		float[] shadow = shadow(alpha, placement, stage);

		// The backdrop, softened a little as a lens focused on the person would.
		int[] out = Filters.softRgb(bg, WIDTH, HEIGHT, 3);
		int[] subjectLayer = new int[WIDTH * HEIGHT];
		for (int i = 0; i < out.length; i++) {
			float s = shadow[i];
			float a = alpha[i];
			int p = out[i];
			float r = ((p >> 16) & 0xff) * (1 - s);
			float g = ((p >> 8) & 0xff) * (1 - s);
			float b = (p & 0xff) * (1 - s);
			int c = colour[i];
			r += (((c >> 16) & 0xff) - r) * a;
			g += (((c >> 8) & 0xff) - g) * a;
			b += ((c & 0xff) - b) * a;
			out[i] = 0xff000000 | (Filters.clamp(r) << 16) | (Filters.clamp(g) << 8) | Filters.clamp(b);
			// The subject's own layer: the person over their shadow, both moving together.
			float la = a + s * (1 - a);
			if (la > 0.002f) {
				float k = a / la;
				subjectLayer[i] = (Filters.clamp(la * 255) << 24) | (Filters.clamp(((c >> 16) & 0xff) * k) << 16)
						| (Filters.clamp(((c >> 8) & 0xff) * k) << 8) | Filters.clamp((c & 0xff) * k);
			}
		}
		grain(out, seed);
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, WIDTH, HEIGHT, out, 0, WIDTH);

		List<Scenery.Layer> layers = new ArrayList<>();
		for (Scenery.Layer layer : scenery.layers()) {
			layers.add(new Scenery.Layer(layer.name(), layer.depth(),
					scaled(layer.image(), layer.depth() == 0 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB)));
		}
		BufferedImage subject = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
		subject.setRGB(0, 0, WIDTH, HEIGHT, subjectLayer, 0, WIDTH);
		layers.add(new Scenery.Layer("subject", layers.size(), subject));
		return new Composition(image, placement.bounds(), List.copyOf(layers));
	}

	/**
	 * Where the person goes: a photo cut off at the chest (the matte reaches its bottom edge) is
	 * a bust, drawn large from the bottom of the frame; a whole figure stands on the ground line.
	 */
	record Placement(double scale, double left, double top, boolean bust, Rectangle bounds) {
	}

	static Placement place(PersonMatte person, Stage stage) {
		Rectangle b = person.bounds();
		boolean bust = b.y + b.height >= person.height() - 2;
		double scale = bust ? HEIGHT * 0.8 / b.height : HEIGHT * stage.figureHeight() / b.height;
		scale = Math.min(scale, WIDTH * 0.62 / b.width);
		double width = b.width * scale;
		double centre = Math.max(width / 2, Math.min(WIDTH - width / 2, stage.standX() * WIDTH));
		double bottom = bust ? HEIGHT : stage.groundY() * HEIGHT;
		double left = centre - width / 2 - b.x * scale;
		double top = bottom - (b.y + b.height) * scale;
		int x0 = (int) Math.max(0, Math.floor(left + b.x * scale));
		int y0 = (int) Math.max(0, Math.floor(top + b.y * scale));
		int x1 = (int) Math.min(WIDTH, Math.ceil(left + (b.x + b.width) * scale));
		int y1 = (int) Math.min(HEIGHT, Math.ceil(top + (b.y + b.height) * scale));
		return new Placement(scale, left, top, bust, new Rectangle(x0, y0, x1 - x0, y1 - y0));
	}

	/** Samples the cut-out into the canvas (bilinear, alpha-weighted so edges stay clean). */
	private static void draw(PersonMatte person, Placement placement, float[] alpha, int[] colour) {
		BufferedImage cutout = person.cutout();
		int mw = person.width();
		int mh = person.height();
		int[] rgb = cutout.getRGB(0, 0, mw, mh, null, 0, mw);
		Rectangle area = placement.bounds();
		double inverse = 1 / placement.scale();
		for (int y = Math.max(0, area.y - 2); y < Math.min(HEIGHT, area.y + area.height + 2); y++) {
			double sy = (y + 0.5 - placement.top()) * inverse - 0.5;
			int y0 = (int) Math.floor(sy);
			double fy = sy - y0;
			for (int x = Math.max(0, area.x - 2); x < Math.min(WIDTH, area.x + area.width + 2); x++) {
				double sx = (x + 0.5 - placement.left()) * inverse - 0.5;
				int x0 = (int) Math.floor(sx);
				double fx = sx - x0;
				double a = 0;
				double r = 0;
				double g = 0;
				double b = 0;
				for (int k = 0; k < 4; k++) {
					int xx = Math.max(0, Math.min(mw - 1, x0 + (k & 1)));
					int yy = y0 + (k >> 1);
					// Below the photo's bottom edge a bust continues as it was cut.
					yy = Math.max(0, Math.min(mh - 1, yy));
					double weight = ((k & 1) == 0 ? 1 - fx : fx) * ((k >> 1) == 0 ? 1 - fy : fy);
					if (x0 + (k & 1) < 0 || x0 + (k & 1) >= mw || y0 + (k >> 1) < 0) {
						continue;
					}
					int p = rgb[yy * mw + xx];
					double pa = (p >>> 24) / 255.0 * weight;
					a += pa;
					r += ((p >> 16) & 0xff) * pa;
					g += ((p >> 8) & 0xff) * pa;
					b += (p & 0xff) * pa;
				}
				int i = y * WIDTH + x;
				alpha[i] = (float) a;
				if (a > 1e-4) {
					colour[i] = 0xff000000 | (Filters.clamp(r / a) << 16) | (Filters.clamp(g / a) << 8)
							| Filters.clamp(b / a);
				}
			}
		}
	}

	/** Moves the person's mean and contrast part of the way toward the scene's, and tints them by its light. */
	private static void matchColour(int[] colour, float[] alpha, int[] bg, Color light) {
		double[] personMean = new double[3];
		double[] personSq = new double[3];
		double[] sceneMean = new double[3];
		double[] sceneSq = new double[3];
		double weight = 0;
		for (int i = 0; i < colour.length; i++) {
			float a = alpha[i];
			int s = bg[i];
			for (int c = 0; c < 3; c++) {
				double v = (s >> (16 - 8 * c)) & 0xff;
				sceneMean[c] += v;
				sceneSq[c] += v * v;
			}
			if (a > 0.5f) {
				int p = colour[i];
				for (int c = 0; c < 3; c++) {
					double v = (p >> (16 - 8 * c)) & 0xff;
					personMean[c] += v;
					personSq[c] += v * v;
				}
				weight++;
			}
		}
		if (weight == 0) {
			return;
		}
		double n = colour.length;
		double[] offset = new double[3];
		double[] gain = new double[3];
		double lightSum = Math.max(1, light.getRed() + light.getGreen() + light.getBlue()) / 3.0;
		double[] tint = { light.getRed() / lightSum, light.getGreen() / lightSum, light.getBlue() / lightSum };
		for (int c = 0; c < 3; c++) {
			double pm = personMean[c] / weight;
			double ps = Math.sqrt(Math.max(1, personSq[c] / weight - pm * pm));
			double sm = sceneMean[c] / n;
			double ss = Math.sqrt(Math.max(1, sceneSq[c] / n - sm * sm));
			double g = Math.max(0.8, Math.min(1.15, 1 + (ss / ps - 1) * MATCH));
			double target = pm + (sm - pm) * MATCH * 0.6;
			double t = 1 + (tint[c] - 1) * 0.22;
			gain[c] = g * t;
			offset[c] = target * t - pm * gain[c];
		}
		for (int i = 0; i < colour.length; i++) {
			if (alpha[i] <= 0) {
				continue;
			}
			int p = colour[i];
			int out = 0xff000000;
			for (int c = 0; c < 3; c++) {
				int shift = 16 - 8 * c;
				out |= Filters.clamp(((p >> shift) & 0xff) * gain[c] + offset[c]) << shift;
			}
			colour[i] = out;
		}
	}

	/**
	 * The scene's light spills over the person's outline (taken from the blurred backdrop), and
	 * the edge turned toward the light source catches a rim of its colour.
	 */
	private static void lightWrap(int[] colour, float[] alpha, int[] bgSoft, Stage stage, Placement placement) {
		float[] inner = Filters.soft(alpha, WIDTH, HEIGHT, 14);
		Rectangle b = placement.bounds();
		double cx = b.getCenterX();
		double cy = b.getCenterY();
		double dx = stage.lightX() * WIDTH - cx;
		double dy = stage.lightY() * HEIGHT - cy;
		double length = Math.max(1, Math.hypot(dx, dy));
		int ox = (int) Math.round(dx / length * 7);
		int oy = (int) Math.round(dy / length * 7);
		float[] rim = Filters.soft(alpha, WIDTH, HEIGHT, 3);
		Color light = stage.light();
		for (int y = Math.max(0, b.y - 8); y < Math.min(HEIGHT, b.y + b.height + 8); y++) {
			for (int x = Math.max(0, b.x - 8); x < Math.min(WIDTH, b.x + b.width + 8); x++) {
				int i = y * WIDTH + x;
				float a = alpha[i];
				if (a <= 0) {
					continue;
				}
				float wrap = Math.min(1, Math.max(0, (1 - inner[i]) * 1.8f)) * 0.55f;
				int nx = Math.max(0, Math.min(WIDTH - 1, x + ox));
				int ny = Math.max(0, Math.min(HEIGHT - 1, y + oy));
				float lit = Math.max(0, rim[i] - rim[ny * WIDTH + nx]) * 0.6f;
				int p = colour[i];
				int s = bgSoft[i];
				int out = 0xff000000;
				for (int c = 0; c < 3; c++) {
					int shift = 16 - 8 * c;
					float v = (p >> shift) & 0xff;
					v += (((s >> shift) & 0xff) - v) * wrap;
					float l = c == 0 ? light.getRed() : c == 1 ? light.getGreen() : light.getBlue();
					v += (255 - v) * lit * (l / 255f);
					out |= Filters.clamp(v) << shift;
				}
				colour[i] = out;
			}
		}
	}

	/**
	 * A soft shadow away from the light: for a bust, cast on what is behind them; for a whole
	 * figure, a contact shadow at the feet and the figure laid along the ground.
	 */
	private static float[] shadow(float[] alpha, Placement placement, Stage stage) {
		Rectangle b = placement.bounds();
		double dx = stage.lightX() * WIDTH - b.getCenterX();
		double dy = stage.lightY() * HEIGHT - b.getCenterY();
		double length = Math.max(1, Math.hypot(dx, dy));
		float[] cast = new float[alpha.length];
		if (placement.bust()) {
			int ox = (int) Math.round(-dx / length * b.width * 0.06);
			int oy = (int) Math.round(Math.max(0, -dy / length) * b.height * 0.03 + b.height * 0.01);
			for (int y = 0; y < HEIGHT; y++) {
				int sy = y - oy;
				if (sy < 0 || sy >= HEIGHT) {
					continue;
				}
				for (int x = 0; x < WIDTH; x++) {
					int sx = x - ox;
					if (sx >= 0 && sx < WIDTH) {
						cast[y * WIDTH + x] = alpha[sy * WIDTH + sx] * 0.38f;
					}
				}
			}
			return Filters.soft(cast, WIDTH, HEIGHT, Math.max(8, b.width / 14));
		}
		// The figure's outline laid on the ground away from the light, squashed by perspective.
		double feet = b.y + b.height;
		double lean = -dx / length;
		for (int y = b.y; y < feet && y < HEIGHT; y++) {
			double up = (feet - y) / b.height;
			int gy = (int) Math.round(feet + up * b.height * 0.12);
			int shift = (int) Math.round(lean * up * b.height * 0.5);
			if (gy >= HEIGHT) {
				continue;
			}
			for (int x = b.x; x < b.x + b.width && x < WIDTH; x++) {
				int gx = x + shift;
				if (gx >= 0 && gx < WIDTH) {
					cast[gy * WIDTH + gx] = Math.max(cast[gy * WIDTH + gx], alpha[y * WIDTH + x] * 0.3f);
				}
			}
		}
		// Contact: darkest right under the feet.
		double rx = b.width * 0.35;
		double ry = Math.max(4, b.height * 0.018);
		for (int y = (int) (feet - ry * 2); y < Math.min(HEIGHT, feet + ry * 2); y++) {
			for (int x = (int) (b.getCenterX() - rx * 1.5); x < b.getCenterX() + rx * 1.5; x++) {
				if (x < 0 || x >= WIDTH || y < 0) {
					continue;
				}
				double e = Math.pow((x - b.getCenterX()) / rx, 2) + Math.pow((y - feet) / ry, 2);
				cast[y * WIDTH + x] = (float) Math.max(cast[y * WIDTH + x], 0.55 * Math.max(0, 1 - e));
			}
		}
		return Filters.soft(cast, WIDTH, HEIGHT, 10);
	}

	/** A touch of film grain over everything, the same for the same inputs. */
	private static void grain(int[] pixels, long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < pixels.length; i++) {
			double n = random.nextGaussian() * 3.2;
			int p = pixels[i];
			pixels[i] = 0xff000000 | (Filters.clamp(((p >> 16) & 0xff) + n) << 16)
					| (Filters.clamp(((p >> 8) & 0xff) + n) << 8) | Filters.clamp((p & 0xff) + n);
		}
	}

	static BufferedImage scaled(BufferedImage source, int type) {
		BufferedImage out = new BufferedImage(WIDTH, HEIGHT,
				type == BufferedImage.TYPE_INT_ARGB ? BufferedImage.TYPE_INT_ARGB_PRE : type);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setComposite(AlphaComposite.Src);
		g.drawImage(source, 0, 0, WIDTH, HEIGHT, null);
		g.dispose();
		if (type != BufferedImage.TYPE_INT_ARGB) {
			return out;
		}
		BufferedImage straight = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
		straight.setRGB(0, 0, WIDTH, HEIGHT, out.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH), 0, WIDTH);
		return straight;
	}

}
