package com.wanderframe.location.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.wanderframe.location.Location;
import com.wanderframe.location.Scenery;
import com.wanderframe.location.Stage;
import com.wanderframe.location.Stage.Ambient;

/** Every place we offer, in the order the picker shows them, and the painting of each. */
public final class LocationCatalog {

	public static final int WIDTH = 2048;

	public static final int HEIGHT = 1152;

	private record Entry(Location location, Consumer<Painter> painting, Stage stage) {
	}

	private static Stage stage(double standX, double lightX, double lightY, int light, double horizon,
			Ambient... ambient) {
		return new Stage(standX, 0.965, 0.62, lightX, lightY, new Color(light), horizon, Set.of(ambient));
	}

	private static final double NO_WATER = -1;

	private static final List<Entry> ENTRIES = List.of(
			entry("paris-at-dusk", "Paris at dusk", "The Eiffel Tower against a violet and amber sky above the Seine.",
					"Paris at dusk: the Eiffel Tower silhouetted against a violet and amber sunset sky, Haussmann "
							+ "rooftops with warm lit windows, the Seine reflecting the glow",
					Scenes::parisAtDusk, stage(0.3, 0.2, 0.7, 0xffc27a, 0.735, Ambient.WATER, Ambient.WINDOWS)),
			entry("kyoto-in-spring", "Kyoto in spring", "A five-storey pagoda among cherry trees in full bloom.",
					"Kyoto in spring: a traditional five-storey wooden pagoda among cherry trees in full pink bloom, "
							+ "petals drifting in the air, soft misty hills behind",
					Scenes::kyotoInSpring, stage(0.6, 0.15, 0.05, 0xfff0e6, NO_WATER, Ambient.PETALS, Ambient.FOLIAGE, Ambient.MIST)),
			entry("santorini", "Santorini", "White houses and blue domes on the caldera cliffs at golden hour.",
					"Santorini at golden hour: whitewashed houses and blue-domed churches on the caldera cliffs above "
							+ "the deep blue Aegean Sea, the sun low and golden",
					Scenes::santorini, stage(0.7, 0.82, 0.55, 0xffc98a, 0.6, Ambient.WATER)),
			entry("new-york-at-night", "New York at night", "Manhattan's skyline lit up over the river.",
					"New York City at night: the Manhattan skyline with the Empire State Building lit up, countless "
							+ "glowing windows, the skyline reflected in the East River under a moonlit sky",
					Scenes::newYorkAtNight, stage(0.26, 0.14, 0.15, 0xb8c6ff, 0.76, Ambient.WATER, Ambient.WINDOWS)),
			entry("swiss-alps", "Swiss Alps", "Snow-capped peaks above green meadows and a wooden chalet.",
					"The Swiss Alps on a clear day: snow-capped jagged peaks, green alpine meadows with pine trees, a "
							+ "wooden chalet with red flower boxes, crisp blue sky",
					Scenes::swissAlps, stage(0.36, 0.8, 0.05, 0xfffaf0, NO_WATER, Ambient.CLOUDS, Ambient.MIST, Ambient.FOLIAGE)),
			entry("sahara-dunes", "Sahara dunes", "Rolling dunes and a camel caravan under a setting sun.",
					"The Sahara desert at sunset: rolling golden sand dunes with sharp crests and rippled sand, a "
							+ "camel caravan on the horizon, a huge warm sun",
					Scenes::saharaDunes, stage(0.38, 0.7, 0.5, 0xffb36b, NO_WATER, Ambient.SAND)),
			entry("iceland-aurora", "Iceland aurora", "Northern lights over a lone mountain and a still lake.",
					"Iceland at night: green and violet northern lights dancing over a lone pointed mountain, "
							+ "a star-filled sky, a still lake mirroring the aurora",
					Scenes::icelandAurora, stage(0.25, 0.45, 0.1, 0x7fe0b0, 0.67, Ambient.AURORA, Ambient.WATER)),
			entry("venice-canals", "Venice canals", "Colourful palazzi, striped mooring poles and a gondola.",
					"Venice: a canal lined with colourful palazzi with arched windows, striped mooring poles, a "
							+ "gondola gliding on green water, the campanile and a domed basilica behind",
					Scenes::veniceCanals, stage(0.3, 0.8, 0.05, 0xfff0d8, 0.65, Ambient.WATER, Ambient.CLOUDS)),
			entry("machu-picchu", "Machu Picchu", "Inca terraces and ruins beneath Huayna Picchu in the mist.",
					"Machu Picchu: ancient Inca stone ruins and green terraces on a mountain ridge, the steep peak of "
							+ "Huayna Picchu behind, morning mist drifting through the Andes",
					Scenes::machuPicchu, stage(0.25, 0.2, 0.05, 0xf4f6f0, NO_WATER, Ambient.MIST, Ambient.CLOUDS, Ambient.FOLIAGE)),
			entry("tokyo-neon", "Tokyo neon", "A rain-washed street glowing with neon signs and Tokyo Tower.",
					"Tokyo at night: a street glowing with pink, cyan and yellow neon signs with Japanese lettering, "
							+ "Tokyo Tower lit orange in the distance, wet pavement reflecting the lights",
					Scenes::tokyoNeon, stage(0.28, 0.9, 0.4, 0xff7ab8, 0.74, Ambient.NEON, Ambient.WINDOWS, Ambient.WATER)),
			entry("scottish-highlands", "Scottish highlands", "A castle on a loch among heather-covered hills.",
					"The Scottish Highlands: a stone castle on a small island in a loch, moody clouds with a break of "
							+ "light, rolling hills covered in purple heather",
					Scenes::scottishHighlands, stage(0.68, 0.72, 0.3, 0xfff1c4, 0.63, Ambient.CLOUDS, Ambient.MIST, Ambient.WATER, Ambient.FOLIAGE)),
			entry("tropical-beach", "Tropical beach", "Palm trees, white sand and a turquoise lagoon.",
					"A tropical beach: leaning palm trees, soft white sand, a turquoise lagoon with gentle waves, "
							+ "puffy white clouds in a bright blue sky",
					Scenes::tropicalBeach, stage(0.46, 0.78, 0.14, 0xfffbe8, NO_WATER, Ambient.SURF, Ambient.FOLIAGE, Ambient.CLOUDS)),
			entry("grand-canyon", "Grand Canyon", "Layered red cliffs fading into a sunset haze.",
					"The Grand Canyon at sunset: vast layered red and orange rock formations and mesas with deep "
							+ "shadows, fading into a purple haze under a warm sky",
					Scenes::grandCanyon, stage(0.65, 0.22, 0.26, 0xffc890, NO_WATER, Ambient.MIST)),
			entry("northern-lakes", "Northern lakes", "A red cabin by a mirror-calm lake under the midnight sun.",
					"A northern lake under the midnight sun: mirror-calm water, dark spruce forest along the shores, "
							+ "a small red wooden cabin with a lit window, pastel pink and gold sky",
					Scenes::northernLakes, stage(0.3, 0.42, 0.57, 0xffd2a8, 0.605, Ambient.WATER, Ambient.FOLIAGE)),
			entry("cappadocia", "Cappadocia balloons", "Hot-air balloons drifting over fairy chimneys at sunrise.",
					"Cappadocia at sunrise: dozens of colourful hot-air balloons drifting over a valley of fairy "
							+ "chimney rock formations, warm peach light",
					Scenes::cappadocia, stage(0.65, 0.15, 0.6, 0xffc08a, NO_WATER, Ambient.BALLOONS)));

	private static final Map<String, Entry> BY_SLUG = ENTRIES.stream()
		.collect(Collectors.toUnmodifiableMap(entry -> entry.location().slug(), entry -> entry));

	private LocationCatalog() {
	}

	private static Entry entry(String slug, String name, String description, String scene,
			Consumer<Painter> painting, Stage stage) {
		return new Entry(new Location(slug, name, description, scene), painting, stage);
	}

	public static Stage stage(Location location) {
		return BY_SLUG.get(location.slug()).stage();
	}

	/** Paints the place again, keeping each depth apart; see {@link Scenery}. */
	public static Scenery paintScenery(Location location) {
		Entry entry = BY_SLUG.get(location.slug());
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Painter painter = new Painter(image, location.slug().hashCode());
		try {
			entry.painting().accept(painter);
			painter.finishDepths();
		}
		finally {
			painter.dispose();
		}
		BufferedImage[] ends = painter.depthEnds();
		List<Scenery.Layer> layers = new ArrayList<>();
		Painter.Depth[] depths = Painter.Depth.values();
		layers.add(new Scenery.Layer("sky", 0, ends[0]));
		for (int d = 1; d < depths.length; d++) {
			layers.add(new Scenery.Layer(depths[d].name().toLowerCase(Locale.ROOT), d, difference(ends[d - 1], ends[d])));
		}
		return new Scenery(List.copyOf(layers), entry.stage());
	}

	/**
	 * What a depth added: its pixels where they differ from the canvas before it, transparent
	 * elsewhere; small differences (antialiased edges, thin haze) become partial alpha.
	 */
	private static BufferedImage difference(BufferedImage before, BufferedImage after) {
		int w = after.getWidth();
		int h = after.getHeight();
		int[] a = before.getRGB(0, 0, w, h, null, 0, w);
		int[] b = after.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < b.length; i++) {
			int pa = a[i];
			int pb = b[i];
			int d = Math.max(Math.abs(((pa >> 16) & 0xff) - ((pb >> 16) & 0xff)),
					Math.max(Math.abs(((pa >> 8) & 0xff) - ((pb >> 8) & 0xff)), Math.abs((pa & 0xff) - (pb & 0xff))));
			int alpha = Math.min(255, Math.max(0, (d - 1) * 255 / 8));
			b[i] = (alpha << 24) | (pb & 0xffffff);
		}
		BufferedImage layer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		layer.setRGB(0, 0, w, h, b, 0, w);
		return layer;
	}

	public static List<Location> all() {
		return ENTRIES.stream().map(Entry::location).toList();
	}

	/** Paints the place's backdrop; the same place always gives the same pixels. */
	public static BufferedImage paint(Location location) {
		Entry entry = BY_SLUG.get(location.slug());
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Painter painter = new Painter(image, location.slug().hashCode());
		try {
			entry.painting().accept(painter);
		}
		finally {
			painter.dispose();
		}
		return image;
	}

}
