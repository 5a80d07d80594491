package com.wanderframe.video.internal;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import com.wanderframe.imaging.ImageLayers;
import com.wanderframe.location.Locations;
import com.wanderframe.location.Stage;
import com.wanderframe.media.MediaStore;
import com.wanderframe.segmentation.PersonMatte;
import com.wanderframe.segmentation.PersonSegmentation;
import com.wanderframe.video.internal.render.SceneLayers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The depth layers a local video moves through: those kept beside a locally composed image (for
 * a photo framed as a print, the print and its caption), or for any other image (an upload,
 * Replicate's) two made here, the person and the background with the hole behind them filled;
 * none when nobody is in such a picture (it then moves flat).
 */
@Component
class DepthLayers {

	private static final Logger log = LoggerFactory.getLogger(DepthLayers.class);

	private final MediaStore media;

	private final Locations locations;

	private final PersonSegmentation segmentation;

	DepthLayers(MediaStore media, Locations locations, PersonSegmentation segmentation) {
		this.media = media;
		this.locations = locations;
		this.segmentation = segmentation;
	}

	SceneLayers of(String imageKey, BufferedImage image) {
		try {
			Optional<ImageLayers.Manifest> manifest = ImageLayers.read(media, imageKey);
			if (manifest.isPresent()) {
				return stored(manifest.get());
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read the layers of {}; making two from the picture: {}", imageKey, ex.toString());
		}
		return fromSegmentation(image);
	}

	private SceneLayers stored(ImageLayers.Manifest manifest) throws IOException {
		List<SceneLayers.Layer> layers = new ArrayList<>();
		for (ImageLayers.Layer layer : manifest.layers()) {
			BufferedImage picture;
			try (InputStream in = media.open(layer.mediaKey())) {
				picture = ImageIO.read(in);
			}
			if (picture == null) {
				throw new IOException("Layer " + layer.mediaKey() + " is not readable");
			}
			layers.add(new SceneLayers.Layer(layer.name(), picture, SceneLayers.parallaxOf(layer.name()),
					"subject".equals(layer.name())));
		}
		ImageLayers.Subject s = manifest.subject();
		if (s == null) {
			// A photo framed as a print: one flat picture that moves as a flat pan does (the
			// place's ripples and twinkling would run over the photo too), its caption held in front.
			return new SceneLayers(layers, -1, new Rectangle(), Set.of());
		}
		Stage stage = locations.stage(manifest.location());
		return new SceneLayers(layers, stage.horizon(), new Rectangle(s.x(), s.y(), s.width(), s.height()),
				stage.ambient());
	}

	private SceneLayers fromSegmentation(BufferedImage image) {
		Optional<PersonMatte> found = segmentation.find(image);
		if (found.isEmpty()) {
			return null;
		}
		PersonMatte matte = found.get();
		int w = image.getWidth();
		int h = image.getHeight();
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		float[] alpha = new float[w * h];
		for (int y = 0; y < h; y++) {
			int my = Math.min(matte.height() - 1, y * matte.height() / h);
			for (int x = 0; x < w; x++) {
				alpha[y * w + x] = matte.alphaAt(Math.min(matte.width() - 1, x * matte.width() / w), my);
			}
		}
		int[] person = new int[w * h];
		for (int i = 0; i < person.length; i++) {
			person[i] = (Math.round(alpha[i] * 255) << 24) | (rgb[i] & 0xFFFFFF);
		}
		BufferedImage personLayer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		personLayer.setRGB(0, 0, w, h, person, 0, w);
		BufferedImage background = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		background.setRGB(0, 0, w, h, filled(rgb, alpha, w, h), 0, w);
		Rectangle b = matte.bounds();
		Rectangle subject = new Rectangle(b.x * w / matte.width(), b.y * h / matte.height(),
				b.width * w / matte.width(), b.height * h / matte.height());
		return new SceneLayers(List.of(new SceneLayers.Layer("background", background, 0.8, false),
				new SceneLayers.Layer("person", personLayer, SceneLayers.parallaxOf("person"), true)), -1, subject,
				Set.of());
	}

	/**
	 * The background with the person's place filled: every row bridges the hole (widened a
	 * little, so no fringe of them stays) from the colours on either side, then the filled part
	 * is smoothed down the columns, so moving the person aside reveals a plausible blur, not a
	 * copy of them.
	 */
	static int[] filled(int[] rgb, float[] alpha, int w, int h) {
		boolean[] hole = new boolean[w * h];
		int grow = Math.max(2, w / 150);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (alpha[y * w + x] > 0.05f) {
					for (int dx = -grow; dx <= grow; dx++) {
						int xx = x + dx;
						if (xx >= 0 && xx < w) {
							hole[y * w + xx] = true;
						}
					}
				}
			}
		}
		int[] out = rgb.clone();
		for (int y = 0; y < h; y++) {
			int x = 0;
			while (x < w) {
				if (!hole[y * w + x]) {
					x++;
					continue;
				}
				int start = x;
				while (x < w && hole[y * w + x]) {
					x++;
				}
				int left = start > 0 ? rgb[y * w + start - 1] : x < w ? rgb[y * w + x] : 0x808080;
				int right = x < w ? rgb[y * w + x] : left;
				for (int k = start; k < x; k++) {
					double t = (k - start + 1.0) / (x - start + 1.0);
					out[y * w + k] = mix(left, right, t);
				}
			}
		}
		int radius = Math.max(3, h / 60);
		int[] column = new int[h];
		for (int x = 0; x < w; x++) {
			for (int y = 0; y < h; y++) {
				column[y] = out[y * w + x];
			}
			for (int y = 0; y < h; y++) {
				if (!hole[y * w + x]) {
					continue;
				}
				long r = 0, g = 0, b = 0;
				int n = 0;
				for (int k = Math.max(0, y - radius); k <= Math.min(h - 1, y + radius); k++) {
					int p = column[k];
					r += (p >> 16) & 0xFF;
					g += (p >> 8) & 0xFF;
					b += p & 0xFF;
					n++;
				}
				out[y * w + x] = 0xFF000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
			}
		}
		return out;
	}

	private static int mix(int a, int b, double t) {
		int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
		int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
		int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
		return 0xFF000000 | r << 16 | g << 8 | bl;
	}

}
