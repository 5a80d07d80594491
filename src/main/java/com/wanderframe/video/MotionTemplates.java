package com.wanderframe.video;

import java.util.List;
import java.util.Optional;

/**
 * The motion templates offered in the studio, in the order they are shown. Each prompt reads as
 * a direction to a camera operator, and each one gives the local renderer a different path.
 */
public final class MotionTemplates {

	private static final List<MotionTemplate> ALL = List.of(
			new MotionTemplate("push-in", "Slow push-in",
					"The camera eases toward the scene and draws the eye in.",
					"Slow push in toward the subject, smooth and cinematic."),
			new MotionTemplate("pull-out", "Pull-out reveal",
					"The camera drifts back and reveals more of the place.",
					"Slow pull out that reveals the whole scene."),
			new MotionTemplate("pan-left", "Pan left",
					"A calm sweep across the scene from right to left.",
					"Gentle pan left across the scene."),
			new MotionTemplate("pan-right", "Pan right",
					"A calm sweep across the scene from left to right.",
					"Gentle pan right across the scene."),
			new MotionTemplate("tilt-up", "Tilt up",
					"The view lifts from the ground toward the sky.",
					"Slow tilt up from the ground toward the sky."),
			new MotionTemplate("tilt-down", "Tilt down",
					"The view lowers from the sky onto the subject.",
					"Slow tilt down from the sky onto the subject."),
			new MotionTemplate("orbit", "Orbit",
					"A slow arc around the subject with a slight bank.",
					"Slow orbit to the right around the subject."),
			new MotionTemplate("handheld", "Handheld",
					"The natural sway of a camera held in the hand, like a travel vlog.",
					"Handheld camera with a gentle, natural shake."),
			new MotionTemplate("walk-in", "Walk in",
					"Handheld and moving closer, as if you were walking into the scene.",
					"Handheld camera slowly pushing in, as if walking toward the scene."),
			new MotionTemplate("drone-rise", "Drone rise",
					"The camera rises like a drone and opens up the view.",
					"Drone shot rising slowly upward, revealing the landscape."),
			new MotionTemplate("crane-down", "Crane down",
					"The camera lowers smoothly toward the subject.",
					"Camera slowly cranes down toward the subject."),
			new MotionTemplate("static", "Still, breathing",
					"An almost still frame that barely breathes: calm and steady.",
					"Static locked-off shot with a subtle breathing motion."));

	private MotionTemplates() {
	}

	public static List<MotionTemplate> all() {
		return ALL;
	}

	public static Optional<MotionTemplate> find(String slug) {
		return ALL.stream().filter((template) -> template.slug().equals(slug)).findFirst();
	}

}
