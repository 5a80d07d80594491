package com.wanderframe.location;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A place's backdrop taken apart by depth, for a camera that moves through it: the sky (opaque),
 * then the far, middle and near layers (transparent where nothing of theirs was painted; what
 * lies behind a layer is complete, so moving it apart reveals no hole). Drawn over each other
 * unmoved, they give the backdrop without its lens vignette.
 */
public record Scenery(List<Layer> layers, Stage stage) {

	/** @param depth 0 for the sky, growing toward the viewer (1 far, 2 middle, 3 near) */
	public record Layer(String name, int depth, BufferedImage image) {
	}

}
