package com.wanderframe.location;

import java.awt.Color;
import java.util.Set;

/**
 * Where a person stands in a place, how its light falls on them, and what moves there.
 * Positions are fractions of the picture (0,0 top left; 1,1 bottom right).
 * @param standX where the person stands across the picture (their centre)
 * @param groundY where a full figure's feet meet the ground
 * @param figureHeight a full figure's height; a bust (a photo cut off at the chest) is drawn
 * larger, from the bottom edge
 * @param lightX where the light comes from, across
 * @param lightY where the light comes from, down
 * @param light the colour of that light
 * @param horizon where water starts, or a negative number for a place without water
 * @param ambient what moves there by itself
 */
public record Stage(double standX, double groundY, double figureHeight, double lightX, double lightY, Color light,
		double horizon, Set<Ambient> ambient) {

	public Stage {
		ambient = Set.copyOf(ambient);
	}

	public boolean hasWater() {
		return horizon >= 0;
	}

	/** Things that move in a place on their own, for the local renderer. */
	public enum Ambient {

		/** Shimmer and moving reflections on water below the horizon. */
		WATER,
		/** Clouds drifting across the sky. */
		CLOUDS,
		/** Mist drifting through the valleys. */
		MIST,
		/** Lit windows twinkling. */
		WINDOWS,
		/** Neon signs flickering. */
		NEON,
		/** Blossom petals falling. */
		PETALS,
		/** Northern lights waving. */
		AURORA,
		/** Hot-air balloons rising. */
		BALLOONS,
		/** Sand drifting over the dunes. */
		SAND,
		/** Waves washing up a beach. */
		SURF,
		/** Trees and grass, which the wind sways. */
		FOLIAGE

	}

}
