package com.wanderframe.video.internal.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a prompt the local renderer understands beyond camera language: {@code wind}
 * (foliage, petals and hair sway more), {@code still} (the camera holds; only the scene
 * moves), {@code rain}, {@code snow} and {@code fog} (added over the scene), and the intensity
 * words {@code subtle}, {@code gentle} and {@code strong}, and {@code loop} (or {@code looping},
 * {@code seamless}: the camera goes out and comes back, so the clip plays on in a loop without
 * a seam). Any other word changes nothing.
 */
record Atmosphere(double intensity, boolean wind, boolean still, boolean rain, boolean snow, boolean fog,
		boolean loop) {

	static final Atmosphere NONE = new Atmosphere(1, false, false, false, false, false, false);

	/** Whether anything is to be drawn over the scene. */
	boolean weather() {
		return rain || snow || fog;
	}

	private static final Pattern WORD = Pattern.compile("[a-z]+");

	static Atmosphere parse(String prompt) {
		double intensity = 1;
		boolean wind = false, still = false, rain = false, snow = false, fog = false, loop = false;
		Matcher m = WORD.matcher(prompt == null ? "" : prompt.toLowerCase(Locale.ROOT));
		while (m.find()) {
			switch (m.group()) {
				case "wind", "windy", "breeze", "breezy" -> wind = true;
				case "still" -> still = true;
				case "rain", "rainy", "raining" -> rain = true;
				case "snow", "snowy", "snowing" -> snow = true;
				case "fog", "foggy", "misty" -> fog = true;
				case "subtle" -> intensity = 0.5;
				case "gentle" -> intensity = 0.75;
				case "strong" -> intensity = 1.6;
				case "loop", "looping", "loops", "seamless" -> loop = true;
				default -> {
				}
			}
		}
		return new Atmosphere(intensity, wind, still, rain, snow, fog, loop);
	}

}
