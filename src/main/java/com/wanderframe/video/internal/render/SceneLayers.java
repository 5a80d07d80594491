package com.wanderframe.video.internal.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.wanderframe.location.Stage;

/**
 * A picture taken apart by depth, for parallax: layers back to front, each the picture's size
 * (the first opaque, the others with alpha), with how much of the camera's move each follows
 * (the farthest less than the camera, the subject more), where water starts, the person's box,
 * and what moves in the place on its own.
 * @param horizon the top of the water as a fraction of the picture's height, negative for none
 */
public record SceneLayers(List<Layer> layers, double horizon, Rectangle subject, Set<Stage.Ambient> ambient) {

	/**
	 * The name of the picture's caption and vignette: kept in front of the scene, fixed to the
	 * screen, untouched by the scene's motion.
	 */
	public static final String CAPTION = "caption";

	/** @param parallax 1 moves with the camera; less is farther away, more is nearer */
	public record Layer(String name, BufferedImage image, double parallax, boolean subject) {
	}

	public SceneLayers {
		layers = List.copyOf(layers);
		ambient = Set.copyOf(ambient);
		if (layers.isEmpty()) {
			throw new IllegalArgumentException("A scene needs at least one layer");
		}
		BufferedImage first = layers.get(0).image();
		for (Layer layer : layers) {
			if (layer.image().getWidth() != first.getWidth() || layer.image().getHeight() != first.getHeight()) {
				throw new IllegalArgumentException("All layers must have the picture's size");
			}
		}
		Objects.requireNonNull(subject);
	}

	/** A picture as one plane: nothing in it moves on its own. */
	static SceneLayers flat(BufferedImage image) {
		return new SceneLayers(List.of(new Layer("picture", image, 1, false)), -1, new Rectangle(), Set.of());
	}

	/**
	 * Whether anything in the scene moves sideways on its own (the sky drifting, rows of water
	 * or trees, the person swaying), so the clip needs room at its edges for it.
	 */
	boolean swaysOnItsOwn() {
		return !ambient.isEmpty() || layers.stream().anyMatch(Layer::subject);
	}

	/** How far each depth follows the camera: the sky least, the subject floating in front. */
	public static double parallaxOf(String name) {
		return switch (name) {
			case "sky" -> 0.45;
			case "far" -> 0.65;
			case "middle" -> 0.85;
			case "near" -> 1.05;
			case "subject", "person" -> 1.35;
			default -> 1;
		};
	}

}
