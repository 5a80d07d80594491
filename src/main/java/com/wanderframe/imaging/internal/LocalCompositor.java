package com.wanderframe.imaging.internal;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.location.Locations;
import com.wanderframe.location.Scenery;
import com.wanderframe.segmentation.PersonMatte;
import com.wanderframe.segmentation.PersonSegmentation;

/**
 * The local generator: the person cut out of their photo and standing in the place
 * ({@link SceneCompositor}), with the picture's depth layers kept beside it for the video; when
 * no person is found (or the build had no segmentation model), the photo as a print standing in
 * the location's backdrop, framed with rounded corners and a soft shadow, colour-graded toward
 * the scene's light. Both carry a caption naming the place, kept beside the picture as a layer
 * of its own (with the print as the one layer behind it when there is no person), and are
 * deterministic.
 */
class LocalCompositor implements ImageGenerator {

	/**
	 * Beside the JPEG: the layers and {@code scene.json} (size, subject box or null when nobody is
	 * in the picture, layers back to front, the caption's last).
	 */
	static Path layersDirectory(Path image) {
		return image.resolveSibling(image.getFileName() + ".layers");
	}

	static final int WIDTH = 1920;

	static final int HEIGHT = 1080;

	private static final Logger log = LoggerFactory.getLogger(LocalCompositor.class);

	/** How far the photo's colours move toward the scene's: enough to sit in it, not to recolour a face. */
	private static final double GRADE = 0.28;

	private final Locations locations;

	private final PersonSegmentation segmentation;

	LocalCompositor(Locations locations, PersonSegmentation segmentation) {
		this.locations = locations;
		this.segmentation = segmentation;
	}

	/** With a segmentation model of its own (for callers without the shared one). */
	LocalCompositor(Locations locations) {
		this(locations, new PersonSegmentation());
	}

	@Override
	public String model() {
		return "local-compositor";
	}

	@Override
	public GeneratedImage generate(ImageRequest request, Path target) throws IOException {
		BufferedImage photo = ImageIO.read(new ByteArrayInputStream(request.photo().bytes()));
		if (photo == null) {
			throw new ImageGenerationException("photo_unreadable",
					"Your photo could not be read. Upload it again and try once more.");
		}
		String slug = request.location().slug();
		Optional<PersonMatte> person = segmentation.find(photo);
		if (person.isEmpty()) {
			log.info("No person found in the photo for image {}: framing the whole photo", request.imageId());
			Framed framed = compose(photo, locations.backdrop(slug), request.location().name());
			finish(framed.print(), framed.caption(), List.of(new Scenery.Layer(PRINT_LAYER, 0, framed.print())), null,
					slug, target);
			return new GeneratedImage(WIDTH, HEIGHT);
		}
		long seed = slug.hashCode() * 31L + Arrays.hashCode(request.photo().bytes());
		SceneCompositor.Composition composition = new SceneCompositor().compose(person.get(), locations.backdrop(slug),
				locations.scenery(slug), seed);
		BufferedImage caption = captionLayer(request.location().name(), Palette.of(composition.image()),
				composition.subject().getCenterX() < WIDTH / 2.0);
		finish(composition.image(), caption, composition.layers(), composition.subject(), slug, target);
		return new GeneratedImage(WIDTH, HEIGHT);
	}

	/**
	 * Writes the picture with its caption as the JPEG a person sees and downloads, and beside it
	 * the depth layers with the caption and vignette as a layer of their own in front, so the
	 * local video shows the same picture and holds the caption still while the scene moves.
	 * @param subject where the person stands, or null for a photo with nobody in it
	 */
	private static void finish(BufferedImage picture, BufferedImage caption, List<Scenery.Layer> depth,
			Rectangle subject, String slug, Path target) throws IOException {
		BufferedImage shown = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = shown.createGraphics();
		g.drawImage(picture, 0, 0, null);
		g.drawImage(caption, 0, 0, null);
		g.dispose();
		writeJpeg(shown, target, 0.9f);
		int front = depth.stream().mapToInt(Scenery.Layer::depth).max().orElse(0) + 1;
		List<Scenery.Layer> layers = new java.util.ArrayList<>(depth);
		layers.add(new Scenery.Layer(CAPTION_LAYER, front, caption));
		writeLayers(layers, subject, slug, layersDirectory(target));
	}

	/** The caption and the vignette on a transparent layer of the picture's size. */
	private static BufferedImage captionLayer(String text, Palette palette, boolean alignRight) {
		BufferedImage layer = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = layer.createGraphics();
		quality(g);
		caption(g, text, palette, alignRight);
		vignette(g);
		g.dispose();
		return layer;
	}

	/** The layer with the caption and the vignette, in front of everything. */
	static final String CAPTION_LAYER = "caption";

	/** The one picture of a photo framed as a print: the backdrop with the print in it, no caption. */
	static final String PRINT_LAYER = "print";

	private static void writeLayers(List<Scenery.Layer> all, Rectangle subject, String location, Path directory)
			throws IOException {
		Files.createDirectories(directory);
		StringBuilder layers = new StringBuilder();
		for (Scenery.Layer layer : all) {
			String file = layer.name() + ".png";
			ImageIO.write(layer.image(), "png", directory.resolve(file).toFile());
			layers.append(layers.isEmpty() ? "" : ",")
				.append("{\"name\":\"").append(layer.name()).append("\",\"depth\":").append(layer.depth())
				.append(",\"file\":\"").append(file).append("\"}");
		}
		Rectangle s = subject;
		String where = s == null ? "null"
				: "{\"x\":" + s.x + ",\"y\":" + s.y + ",\"width\":" + s.width + ",\"height\":" + s.height + "}";
		String json = "{\"width\":" + WIDTH + ",\"height\":" + HEIGHT + ",\"location\":\"" + location
				+ "\",\"subject\":" + where + ",\"layers\":[" + layers + "]}";
		Files.writeString(directory.resolve(SCENE_FILE), json);
	}

	static final String SCENE_FILE = "scene.json";

	/** A photo framed as a print: the backdrop with the print standing in it, and the caption's layer. */
	record Framed(BufferedImage print, BufferedImage caption) {
	}

	Framed compose(BufferedImage photo, BufferedImage backdrop, String caption) {
		BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas.createGraphics();
		quality(g);
		g.drawImage(backdrop, 0, 0, WIDTH, HEIGHT, null);
		Palette palette = Palette.of(canvas);

		boolean right = palette.calmerOnTheRight();
		double aspect = Math.max(0.72, Math.min(1.34, (double) photo.getWidth() / photo.getHeight()));
		int photoHeight = (int) (HEIGHT * 0.7);
		int photoWidth = (int) Math.round(photoHeight * aspect);
		int border = 16;
		BufferedImage card = card(grade(cover(photo, photoWidth, photoHeight), palette), border, palette);

		double cx = WIDTH * (right ? 0.7 : 0.3);
		double cy = HEIGHT * 0.46;
		double tilt = Math.toRadians(right ? 1.6 : -1.6);
		AffineTransform place = new AffineTransform();
		place.translate(cx, cy);
		place.rotate(tilt);
		place.translate(-card.getWidth() / 2.0, -card.getHeight() / 2.0);

		AffineTransform shadowPlace = new AffineTransform();
		shadowPlace.translate(cx + (right ? -14 : 14), cy + 22);
		shadowPlace.rotate(tilt);
		shadowPlace.translate(-card.getWidth() / 2.0 - 40, -card.getHeight() / 2.0 - 40);
		BufferedImage shadow = shadow(card.getWidth() + 80, card.getHeight() + 80, 40);
		g.drawImage(shadow, shadowPlace, null);
		g.drawImage(card, place, null);
		g.dispose();
		return new Framed(canvas, captionLayer(caption, palette, !right));
	}

	/** Scales and crops to fill {@code width×height}, keeping a little more of the top, where faces are. */
	static BufferedImage cover(BufferedImage photo, int width, int height) {
		double scale = Math.max((double) width / photo.getWidth(), (double) height / photo.getHeight());
		double scaledWidth = photo.getWidth() * scale;
		double scaledHeight = photo.getHeight() * scale;
		BufferedImage source = photo;
		// Halve big photos first so the final bilinear step does not alias.
		while (source.getWidth() / 2.0 >= scaledWidth && source.getHeight() / 2.0 >= scaledHeight) {
			BufferedImage half = new BufferedImage(source.getWidth() / 2, source.getHeight() / 2,
					BufferedImage.TYPE_INT_RGB);
			Graphics2D hg = half.createGraphics();
			quality(hg);
			hg.drawImage(source, 0, 0, half.getWidth(), half.getHeight(), null);
			hg.dispose();
			source = half;
		}
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		quality(g);
		// A cut-out PNG stands on paper, not on black.
		g.setColor(new Color(250, 247, 240));
		g.fillRect(0, 0, width, height);
		double x = (width - scaledWidth) / 2;
		double y = (height - scaledHeight) * 0.35;
		g.drawImage(source, (int) Math.round(x), (int) Math.round(y), (int) Math.ceil(scaledWidth),
				(int) Math.ceil(scaledHeight), null);
		g.dispose();
		return out;
	}

	/** Moves the photo's colours a little toward the scene's light and lifts its shadows toward the scene's tone. */
	static BufferedImage grade(BufferedImage photo, Palette palette) {
		int w = photo.getWidth();
		int h = photo.getHeight();
		int[] pixels = photo.getRGB(0, 0, w, h, null, 0, w);
		double lr = palette.light().getRed() / 255.0;
		double lg = palette.light().getGreen() / 255.0;
		double lb = palette.light().getBlue() / 255.0;
		// Normalise the light so the grade shifts hue, not brightness.
		double norm = 3 / Math.max(0.3, lr + lg + lb);
		lr *= norm;
		lg *= norm;
		lb *= norm;
		Color tone = palette.average();
		for (int i = 0; i < pixels.length; i++) {
			int p = pixels[i];
			double r = (p >> 16) & 0xff;
			double g = (p >> 8) & 0xff;
			double b = p & 0xff;
			double shadowWeight = 0.1 * (1 - (0.299 * r + 0.587 * g + 0.114 * b) / 255);
			r = r + (r * lr - r) * GRADE;
			g = g + (g * lg - g) * GRADE;
			b = b + (b * lb - b) * GRADE;
			r += (tone.getRed() - r) * shadowWeight;
			g += (tone.getGreen() - g) * shadowWeight;
			b += (tone.getBlue() - b) * shadowWeight;
			pixels[i] = 0xff000000 | (channel(r) << 16) | (channel(g) << 8) | channel(b);
		}
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		out.setRGB(0, 0, w, h, pixels, 0, w);
		return out;
	}

	private static int channel(double value) {
		return (int) Math.max(0, Math.min(255, Math.round(value)));
	}

	/** The photo as a print: a warm white border, rounded corners (antialiased), light from above. */
	private static BufferedImage card(BufferedImage photo, int border, Palette palette) {
		int w = photo.getWidth() + border * 2;
		int h = photo.getHeight() + border * 2;
		BufferedImage card = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = card.createGraphics();
		quality(g);
		Color paper = mix(new Color(250, 247, 240), palette.light(), 0.08);
		g.setColor(paper);
		g.fill(new RoundRectangle2D.Double(0, 0, w, h, 34, 34));

		BufferedImage rounded = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_ARGB);
		Graphics2D rg = rounded.createGraphics();
		quality(rg);
		rg.setColor(Color.WHITE);
		rg.fill(new RoundRectangle2D.Double(0, 0, photo.getWidth(), photo.getHeight(), 22, 22));
		rg.setComposite(AlphaComposite.SrcIn);
		rg.drawImage(photo, 0, 0, null);
		rg.setComposite(AlphaComposite.SrcOver);
		// The scene's light falls on the print from above.
		Color light = palette.light();
		rg.setComposite(AlphaComposite.SrcAtop);
		rg.setPaint(new GradientPaint(0, 0, new Color(light.getRed(), light.getGreen(), light.getBlue(), 40), 0,
				photo.getHeight() * 0.5f, new Color(light.getRed(), light.getGreen(), light.getBlue(), 0)));
		rg.fillRect(0, 0, photo.getWidth(), photo.getHeight());
		rg.dispose();

		g.drawImage(rounded, border, border, null);
		g.setColor(new Color(0, 0, 0, 28));
		g.draw(new RoundRectangle2D.Double(border - 0.5, border - 0.5, photo.getWidth() + 1, photo.getHeight() + 1, 22,
				22));
		g.dispose();
		return card;
	}

	/** A soft shadow: the card's shape drawn small, blurred, and scaled back up. */
	private static BufferedImage shadow(int width, int height, int margin) {
		int scale = 4;
		int sw = width / scale;
		int sh = height / scale;
		int m = margin / scale;
		BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = small.createGraphics();
		quality(g);
		g.setColor(new Color(0, 0, 0, 150));
		g.fill(new RoundRectangle2D.Double(m, m, sw - 2 * m, sh - 2 * m, 8, 8));
		g.dispose();
		int[] alpha = new int[sw * sh];
		for (int i = 0; i < alpha.length; i++) {
			alpha[i] = small.getRGB(i % sw, i / sw) >>> 24;
		}
		for (int pass = 0; pass < 3; pass++) {
			alpha = boxBlur(alpha, sw, sh, 4);
		}
		for (int i = 0; i < alpha.length; i++) {
			small.setRGB(i % sw, i / sw, alpha[i] << 24 | 0x0a0814);
		}
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D og = out.createGraphics();
		quality(og);
		og.drawImage(small, 0, 0, width, height, null);
		og.dispose();
		return out;
	}

	private static int[] boxBlur(int[] values, int w, int h, int radius) {
		int[] horizontal = new int[values.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int sum = 0;
				int count = 0;
				for (int k = -radius; k <= radius; k++) {
					int xx = x + k;
					if (xx >= 0 && xx < w) {
						sum += values[y * w + xx];
						count++;
					}
				}
				horizontal[y * w + x] = sum / count;
			}
		}
		int[] out = new int[values.length];
		for (int x = 0; x < w; x++) {
			for (int y = 0; y < h; y++) {
				int sum = 0;
				int count = 0;
				for (int k = -radius; k <= radius; k++) {
					int yy = y + k;
					if (yy >= 0 && yy < h) {
						sum += horizontal[yy * w + x];
						count++;
					}
				}
				out[y * w + x] = sum / count;
			}
		}
		return out;
	}

	/** The place's name over a dark fade at the bottom, on the side away from the photo. */
	private static void caption(Graphics2D g, String text, Palette palette, boolean alignRight) {
		g.setPaint(new GradientPaint(0, HEIGHT * 0.7f, new Color(0, 0, 0, 0), 0, HEIGHT, new Color(0, 0, 0, 150)));
		g.fillRect(0, (int) (HEIGHT * 0.7), WIDTH, HEIGHT - (int) (HEIGHT * 0.7));
		try {
			Font title = new Font(Font.SERIF, Font.BOLD, 64);
			Font brand = new Font(Font.SANS_SERIF, Font.BOLD, 20);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			int margin = 80;
			int baseline = HEIGHT - 84;
			g.setFont(title);
			FontMetrics titleMetrics = g.getFontMetrics();
			int titleX = alignRight ? WIDTH - margin - titleMetrics.stringWidth(text) : margin;
			g.setColor(new Color(0, 0, 0, 110));
			g.drawString(text, titleX + 2, baseline + 3);
			g.setColor(new Color(255, 252, 245));
			g.drawString(text, titleX, baseline);

			String label = "WANDERFRAME";
			g.setFont(brand.deriveFont(java.util.Map.of(java.awt.font.TextAttribute.TRACKING, 0.3)));
			FontMetrics brandMetrics = g.getFontMetrics();
			int labelX = alignRight ? WIDTH - margin - brandMetrics.stringWidth(label) : margin;
			g.setColor(mix(palette.light(), Color.WHITE, 0.45));
			g.drawString(label, labelX, baseline - titleMetrics.getAscent() - 6);
			int ruleY = baseline + 26;
			int ruleWidth = Math.min(titleMetrics.stringWidth(text), 220);
			int ruleX = alignRight ? WIDTH - margin - ruleWidth : margin;
			g.setColor(mix(palette.light(), Color.WHITE, 0.3));
			g.fillRect(ruleX, ruleY, ruleWidth, 3);
		}
		catch (RuntimeException | InternalError noFonts) {
			// A server without fonts still gets its picture, just without the caption's words.
			log.warn("Could not draw the caption '{}': {}", text, noFonts.toString().toLowerCase(Locale.ROOT));
		}
	}

	private static void vignette(Graphics2D g) {
		g.setPaint(new java.awt.RadialGradientPaint(WIDTH / 2f, HEIGHT / 2f, (float) Math.hypot(WIDTH, HEIGHT) / 2,
				new float[] { 0.6f, 1f }, new Color[] { new Color(0, 0, 0, 0), new Color(0, 0, 0, 70) }));
		g.fillRect(0, 0, WIDTH, HEIGHT);
	}

	static void writeJpeg(BufferedImage image, Path target, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (OutputStream file = Files.newOutputStream(target);
				ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	private static void quality(Graphics2D g) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
	}

	static Color mix(Color a, Color b, double t) {
		return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
				(int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
				(int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
	}

	/**
	 * What the scene looks like in numbers: its average colour, the colour of its light (the
	 * brightest tenth), and which side is calmer to stand the photo on.
	 */
	record Palette(Color average, Color light, double leftDetail, double rightDetail) {

		boolean calmerOnTheRight() {
			return rightDetail <= leftDetail;
		}

		static Palette of(BufferedImage scene) {
			int step = 12;
			int cols = scene.getWidth() / step;
			int rows = scene.getHeight() / step;
			int[][] lum = new int[rows][cols];
			long r = 0;
			long g = 0;
			long b = 0;
			int[] histogram = new int[256];
			int[] samples = new int[rows * cols];
			for (int y = 0; y < rows; y++) {
				for (int x = 0; x < cols; x++) {
					int p = scene.getRGB(x * step, y * step);
					int pr = (p >> 16) & 0xff;
					int pg = (p >> 8) & 0xff;
					int pb = p & 0xff;
					r += pr;
					g += pg;
					b += pb;
					int l = (299 * pr + 587 * pg + 114 * pb) / 1000;
					lum[y][x] = l;
					histogram[l]++;
					samples[y * cols + x] = p;
				}
			}
			int n = rows * cols;
			int threshold = 255;
			for (int count = 0; threshold > 0 && count < n / 10; threshold--) {
				count += histogram[threshold];
			}
			long lr = 0;
			long lg = 0;
			long lb = 0;
			int lit = 0;
			for (int i = 0; i < n; i++) {
				int p = samples[i];
				int l = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
				if (l >= threshold) {
					lr += (p >> 16) & 0xff;
					lg += (p >> 8) & 0xff;
					lb += p & 0xff;
					lit++;
				}
			}
			Color average = new Color((int) (r / n), (int) (g / n), (int) (b / n));
			Color light = lit == 0 ? Color.WHITE : new Color((int) (lr / lit), (int) (lg / lit), (int) (lb / lit));
			return new Palette(average, light, detail(lum, 0.12, 0.48), detail(lum, 0.52, 0.88));
		}

		private static double detail(int[][] lum, double from, double to) {
			int cols = lum[0].length;
			double sum = 0;
			for (int y = (int) (lum.length * 0.12); y < lum.length * 0.85; y++) {
				for (int x = (int) (cols * from); x < cols * to; x++) {
					sum += Math.abs(lum[y][x] - lum[y][x + 1]) + Math.abs(lum[y][x] - lum[y + 1][x]);
				}
			}
			return sum;
		}

	}

}
