package com.wanderframe.video.internal.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wanderframe.video.MotionTemplate;
import com.wanderframe.video.MotionTemplates;

import static org.assertj.core.api.Assertions.assertThat;

class CameraPathTests {

	@ParameterizedTest(name = "\"{0}\" moves the camera {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''                                                    | push-in(0.7)
			A beautiful sunset over the sea                       | push-in(0.7)
			a woman smiling at the camera                         | push-in(0.7)
			Slow push in toward the subject                       | push-in(0.85)
			zoom in                                               | push-in(1.0)
			ZOOM IN FAST                                          | push-in(1.6)
			Dolly in quickly                                      | push-in(1.6)
			dramatic zoom                                         | push-in(2.0)
			the camera slowly moves forward                       | push-in(0.85)
			slow zoom out                                         | pull-out(0.85)
			pull back to reveal the city                          | pull-out(1.0)
			dolly out                                             | pull-out(1.0)
			pan left                                              | pan-left(1.0)
			gentle pan to the right                               | pan-right(0.7)
			fast pan                                              | pan-right(1.6)
			truck left slowly                                     | pan-left(0.85)
			tilt up                                               | tilt-up(1.0)
			tilts down gently                                     | tilt-down(0.7)
			pan up to the sky                                     | tilt-up(1.0)
			orbit around the statue                               | orbit-right(1.0)
			slow arc to the left                                  | orbit-left(0.85)
			handheld                                              | handheld(1.0)
			hand-held camera                                      | handheld(1.0)
			subtle camera shake                                   | handheld(0.5)
			drone shot rising over the valley                     | rise(1.0)
			aerial view of the coast                              | rise(1.0)
			crane up                                              | rise(1.0)
			drone descending toward the beach                     | descend(1.0)
			camera descends slowly                                | descend(0.85)
			crane down                                            | descend(1.0)
			static shot                                           | static(1.0)
			locked-off tripod shot                                | static(1.0)
			no camera movement                                    | static(1.0)
			subtle breathing motion                               | breathing(0.5)
			Static locked-off shot with a subtle breathing motion | breathing(0.5)
			slow push in while panning right                      | push-in(0.85) + pan-right(0.85)
			fast pan left and slow push in                        | pan-left(1.6) + push-in(0.85)
			handheld, slowly pushing in                           | handheld(0.85) + push-in(0.85)
			tilt up and pan right                                 | tilt-up(1.0) + pan-right(1.0)
			push in, no shake                                     | push-in(1.0)
			don't zoom, just pan left                             | pan-left(1.0)
			zoom in then zoom out                                 | push-in(1.0)
			the camera drifts to the left                         | pan-left(1.0)
			camera slowly rises                                   | rise(0.85)
			shaky cam                                             | handheld(1.0)
			the sun rising over the sea                           | push-in(0.7)
			steam rising up from the cup                          | push-in(0.7)
			clouds drifting slowly to the right                   | push-in(0.85)
			a car moving left                                     | push-in(0.7)
			leaves shaking in the wind                            | push-in(0.7)
			birds circling above the lake                         | push-in(0.7)
			""")
	void readsCameraLanguage(String prompt, String expected) {
		assertThat(CameraPath.parse(prompt).describe()).isEqualTo(expected);
	}

	@Test
	void everyTemplateGivesItsOwnMove() {
		List<MotionTemplate> templates = MotionTemplates.all();
		assertThat(templates).hasSizeGreaterThanOrEqualTo(8);
		assertThat(templates).extracting(MotionTemplate::slug)
			.doesNotHaveDuplicates()
			.contains("push-in", "pull-out", "pan-left", "pan-right", "tilt-up", "tilt-down", "orbit", "handheld",
					"drone-rise", "static")
			.allMatch((slug) -> slug.matches("[a-z]+(-[a-z]+)*"));
		Set<CameraPath> paths = new HashSet<>();
		Set<List<Pose>> motions = new HashSet<>();
		for (MotionTemplate template : templates) {
			CameraPath path = CameraPath.parse(template.prompt());
			assertThat(paths.add(path)).as("%s reads as %s", template.slug(), path.describe()).isTrue();
			assertThat(motions.add(LocalMotionRenderer.poses(path, 150, 25))).isTrue();
			assertThat(MotionTemplates.find(template.slug())).contains(template);
		}
		assertThat(MotionTemplates.find("moonwalk")).isEmpty();
	}

	@Test
	void templatesMoveTheWayTheirNamesSay() {
		assertThat(describe("push-in")).isEqualTo("push-in(0.85)");
		assertThat(describe("pull-out")).isEqualTo("pull-out(0.85)");
		assertThat(describe("pan-left")).isEqualTo("pan-left(0.7)");
		assertThat(describe("pan-right")).isEqualTo("pan-right(0.7)");
		assertThat(describe("tilt-up")).isEqualTo("tilt-up(0.85)");
		assertThat(describe("tilt-down")).isEqualTo("tilt-down(0.85)");
		assertThat(describe("orbit")).isEqualTo("orbit-right(0.85)");
		assertThat(describe("handheld")).isEqualTo("handheld(0.7)");
		assertThat(describe("drone-rise")).startsWith("rise(");
		assertThat(describe("crane-down")).startsWith("descend(");
		assertThat(describe("static")).isEqualTo("breathing(0.5)");
	}

	@Test
	void movesStartAndStopGently() {
		List<Pose> poses = LocalMotionRenderer.poses(CameraPath.parse("pan right"), 150, 25);
		double firstStep = poses.get(1).x() - poses.get(0).x();
		double middleStep = poses.get(75).x() - poses.get(74).x();
		double lastStep = poses.get(149).x() - poses.get(148).x();
		assertThat(middleStep).isPositive();
		assertThat(firstStep).isBetween(0.0, middleStep / 50);
		assertThat(lastStep).isBetween(0.0, middleStep / 50);
	}

	@Test
	void fasterWordsMoveFurther() {
		double subtle = travel("subtle pan right"), slow = travel("slow pan right"), plain = travel("pan right"),
				fast = travel("fast pan right"), dramatic = travel("dramatic pan right");
		assertThat(subtle).isLessThan(slow);
		assertThat(slow).isLessThan(plain);
		assertThat(plain).isLessThan(fast);
		assertThat(fast).isLessThan(dramatic);
	}

	@Test
	void handheldSwaysSmoothlyRatherThanJitters() {
		List<Pose> poses = LocalMotionRenderer.poses(CameraPath.parse("handheld"), 250, 25);
		for (var axis : List.<java.util.function.ToDoubleFunction<Pose>>of(Pose::x, Pose::y, Pose::roll, Pose::zoom)) {
			double[] velocity = new double[poses.size() - 1];
			double extent = 0;
			for (int i = 0; i < velocity.length; i++) {
				velocity[i] = axis.applyAsDouble(poses.get(i + 1)) - axis.applyAsDouble(poses.get(i));
				extent = Math.max(extent, Math.abs(velocity[i]));
			}
			assertThat(extent).as("it does shake").isGreaterThan(1e-5);
			// random jitter has a lag-1 velocity correlation around -0.5; a sway close to 1
			assertThat(lagOneCorrelation(velocity)).isGreaterThan(0.8);
		}
		// and the same prompt shakes the same way every time
		assertThat(LocalMotionRenderer.poses(CameraPath.parse("handheld"), 250, 25)).isEqualTo(poses);
	}

	@Test
	void theViewNeverLeavesThePicture() {
		List<String> prompts = new ArrayList<>(MotionTemplates.all().stream().map(MotionTemplate::prompt).toList());
		prompts.addAll(List.of("dramatic orbit left with heavy handheld shake", "dramatic pull out and fast pan left",
				"fast tilt down, fast pan right, dramatic camera shake", "crash zoom out", "static"));
		int[][] pictures = { { 2048, 1152 }, { 1152, 2048 }, { 1000, 1000 }, { 4000, 900 }, { 641, 479 } };
		for (String prompt : prompts) {
			for (int[] picture : pictures) {
				for (int seconds : new int[] { 6, 10 }) {
					List<Pose> poses = LocalMotionRenderer.poses(CameraPath.parse(prompt), seconds * 25, 25);
					int[] size = LocalMotionRenderer.outputSize(picture[0], picture[1], 768);
					Framing framing = new Framing(picture[0], picture[1], size[0], size[1], poses);
					for (Pose pose : poses) {
						assertInside(framing.viewport(pose), size, picture, prompt);
					}
				}
			}
		}
	}

	@Test
	void aPushInStartsOnTheWholePicture() {
		List<Pose> poses = LocalMotionRenderer.poses(CameraPath.parse("push in"), 150, 25);
		Framing framing = new Framing(2048, 1152, 1366, 768, poses);
		assertThat(framing.fit()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		assertThat(framing.viewport(poses.get(0)).scale() * 1366).isCloseTo(2047, org.assertj.core.data.Offset.offset(3.0));
	}

	private static void assertInside(Framing.Viewport viewport, int[] size, int[] picture, String prompt) {
		double cos = Math.cos(viewport.roll()), sin = Math.sin(viewport.roll());
		for (int cornerX : new int[] { -1, 1 }) {
			for (int cornerY : new int[] { -1, 1 }) {
				double dx = cornerX * size[0] / 2.0 * viewport.scale(), dy = cornerY * size[1] / 2.0 * viewport.scale();
				double x = viewport.centerX() + cos * dx - sin * dy, y = viewport.centerY() + sin * dx + cos * dy;
				assertThat(x).as("%s on %dx%d", prompt, picture[0], picture[1]).isBetween(0.0, picture[0] - 1.0);
				assertThat(y).as("%s on %dx%d", prompt, picture[0], picture[1]).isBetween(0.0, picture[1] - 1.0);
			}
		}
	}

	private static double lagOneCorrelation(double[] values) {
		double mean = java.util.Arrays.stream(values).average().orElse(0);
		double numerator = 0, denominator = 0;
		for (int i = 0; i < values.length; i++) {
			denominator += (values[i] - mean) * (values[i] - mean);
			if (i > 0) {
				numerator += (values[i] - mean) * (values[i - 1] - mean);
			}
		}
		return numerator / denominator;
	}

	private static double travel(String prompt) {
		CameraPath path = CameraPath.parse(prompt);
		return path.at(1, 6).x() - path.at(0, 0).x();
	}

	private static String describe(String slug) {
		return CameraPath.parse(MotionTemplates.find(slug).orElseThrow().prompt()).describe();
	}

}
