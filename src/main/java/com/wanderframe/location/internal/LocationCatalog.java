package com.wanderframe.location.internal;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.wanderframe.location.Location;

/** Every place we offer, in the order the picker shows them, and the painting of each. */
public final class LocationCatalog {

	public static final int WIDTH = 2048;

	public static final int HEIGHT = 1152;

	private record Entry(Location location, Consumer<Painter> painting) {
	}

	private static final List<Entry> ENTRIES = List.of(
			entry("paris-at-dusk", "Paris at dusk", "The Eiffel Tower against a violet and amber sky above the Seine.",
					"Paris at dusk: the Eiffel Tower silhouetted against a violet and amber sunset sky, Haussmann "
							+ "rooftops with warm lit windows, the Seine reflecting the glow",
					Scenes::parisAtDusk),
			entry("kyoto-in-spring", "Kyoto in spring", "A five-storey pagoda among cherry trees in full bloom.",
					"Kyoto in spring: a traditional five-storey wooden pagoda among cherry trees in full pink bloom, "
							+ "petals drifting in the air, soft misty hills behind",
					Scenes::kyotoInSpring),
			entry("santorini", "Santorini", "White houses and blue domes on the caldera cliffs at golden hour.",
					"Santorini at golden hour: whitewashed houses and blue-domed churches on the caldera cliffs above "
							+ "the deep blue Aegean Sea, the sun low and golden",
					Scenes::santorini),
			entry("new-york-at-night", "New York at night", "Manhattan's skyline lit up over the river.",
					"New York City at night: the Manhattan skyline with the Empire State Building lit up, countless "
							+ "glowing windows, the skyline reflected in the East River under a moonlit sky",
					Scenes::newYorkAtNight),
			entry("swiss-alps", "Swiss Alps", "Snow-capped peaks above green meadows and a wooden chalet.",
					"The Swiss Alps on a clear day: snow-capped jagged peaks, green alpine meadows with pine trees, a "
							+ "wooden chalet with red flower boxes, crisp blue sky",
					Scenes::swissAlps),
			entry("sahara-dunes", "Sahara dunes", "Rolling dunes and a camel caravan under a setting sun.",
					"The Sahara desert at sunset: rolling golden sand dunes with sharp crests and rippled sand, a "
							+ "camel caravan on the horizon, a huge warm sun",
					Scenes::saharaDunes),
			entry("iceland-aurora", "Iceland aurora", "Northern lights over a lone mountain and a still lake.",
					"Iceland at night: green and violet northern lights dancing over a lone pointed mountain, "
							+ "a star-filled sky, a still lake mirroring the aurora",
					Scenes::icelandAurora),
			entry("venice-canals", "Venice canals", "Colourful palazzi, striped mooring poles and a gondola.",
					"Venice: a canal lined with colourful palazzi with arched windows, striped mooring poles, a "
							+ "gondola gliding on green water, the campanile and a domed basilica behind",
					Scenes::veniceCanals),
			entry("machu-picchu", "Machu Picchu", "Inca terraces and ruins beneath Huayna Picchu in the mist.",
					"Machu Picchu: ancient Inca stone ruins and green terraces on a mountain ridge, the steep peak of "
							+ "Huayna Picchu behind, morning mist drifting through the Andes",
					Scenes::machuPicchu),
			entry("tokyo-neon", "Tokyo neon", "A rain-washed street glowing with neon signs and Tokyo Tower.",
					"Tokyo at night: a street glowing with pink, cyan and yellow neon signs with Japanese lettering, "
							+ "Tokyo Tower lit orange in the distance, wet pavement reflecting the lights",
					Scenes::tokyoNeon),
			entry("scottish-highlands", "Scottish highlands", "A castle on a loch among heather-covered hills.",
					"The Scottish Highlands: a stone castle on a small island in a loch, moody clouds with a break of "
							+ "light, rolling hills covered in purple heather",
					Scenes::scottishHighlands),
			entry("tropical-beach", "Tropical beach", "Palm trees, white sand and a turquoise lagoon.",
					"A tropical beach: leaning palm trees, soft white sand, a turquoise lagoon with gentle waves, "
							+ "puffy white clouds in a bright blue sky",
					Scenes::tropicalBeach),
			entry("grand-canyon", "Grand Canyon", "Layered red cliffs fading into a sunset haze.",
					"The Grand Canyon at sunset: vast layered red and orange rock formations and mesas with deep "
							+ "shadows, fading into a purple haze under a warm sky",
					Scenes::grandCanyon),
			entry("northern-lakes", "Northern lakes", "A red cabin by a mirror-calm lake under the midnight sun.",
					"A northern lake under the midnight sun: mirror-calm water, dark spruce forest along the shores, "
							+ "a small red wooden cabin with a lit window, pastel pink and gold sky",
					Scenes::northernLakes),
			entry("cappadocia", "Cappadocia balloons", "Hot-air balloons drifting over fairy chimneys at sunrise.",
					"Cappadocia at sunrise: dozens of colourful hot-air balloons drifting over a valley of fairy "
							+ "chimney rock formations, warm peach light",
					Scenes::cappadocia));

	private static final Map<String, Entry> BY_SLUG = ENTRIES.stream()
		.collect(Collectors.toUnmodifiableMap(entry -> entry.location().slug(), entry -> entry));

	private LocationCatalog() {
	}

	private static Entry entry(String slug, String name, String description, String scene,
			Consumer<Painter> painting) {
		return new Entry(new Location(slug, name, description, scene), painting);
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
