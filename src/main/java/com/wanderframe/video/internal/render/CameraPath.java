package com.wanderframe.video.internal.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A camera move read from the camera language of a prompt ("slow push in", "pan left",
 * "handheld", "drone rising upward", ...). Moves on different axes combine (a push-in with a
 * pan); on one axis the first mention wins. Speed words next to a move, or anywhere in the
 * prompt, scale how far it goes in the clip. A prompt without camera language gets a gentle
 * push-in, so every clip moves.
 * <p>
 * Moves follow an ease-in-out curve over the whole clip, so the camera starts and stops
 * without a jolt; handheld shake is smooth low-frequency noise in seconds, so it looks the same
 * in a 6 s and a 10 s clip.
 */
public record CameraPath(List<Move> moves) {

	public CameraPath {
		moves = List.copyOf(moves);
	}

	public enum Kind {

		PUSH_IN(Axis.ZOOM), PULL_OUT(Axis.ZOOM), BREATHING(Axis.ZOOM), PAN_LEFT(Axis.HORIZONTAL),
		PAN_RIGHT(Axis.HORIZONTAL), ORBIT_LEFT(Axis.HORIZONTAL), ORBIT_RIGHT(Axis.HORIZONTAL),
		TILT_UP(Axis.VERTICAL), TILT_DOWN(Axis.VERTICAL), RISE(Axis.VERTICAL), DESCEND(Axis.VERTICAL),
		HANDHELD(Axis.SHAKE), STATIC(Axis.NONE);

		private final Axis axis;

		Kind(Axis axis) {
			this.axis = axis;
		}

		String slug() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	private enum Axis {
		ZOOM, HORIZONTAL, VERTICAL, SHAKE, NONE
	}

	/** One move; {@code speed} 1 is the normal amount, 0.5 subtle, 2 dramatic. */
	public record Move(Kind kind, double speed) {
	}

	/** How far each move goes at speed 1, in the units of {@link Pose}. */
	private static final double PUSH = 0.20, PAN = 0.16, TILT = 0.12, ORBIT = 0.14,
			ORBIT_ROLL = Math.toRadians(2.5), RISE = 0.14, SHAKE = 0.008,
			SHAKE_ROLL = Math.toRadians(0.25), BREATH = 0.025;

	/** Speed used when nothing in the prompt asks for camera motion. */
	static final double DEFAULT_SPEED = 0.7;

	public static CameraPath parse(String prompt) {
		return new Parser(prompt == null ? "" : prompt).parse();
	}

	/**
	 * The camera at {@code progress} (0 = first frame, 1 = last frame) which is {@code seconds}
	 * into the clip.
	 */
	public Pose at(double progress, double seconds) {
		double t = Math.min(1, Math.max(0, progress));
		double p = 0.5 - 0.5 * Math.cos(Math.PI * t);
		boolean explicitZoom = moves.stream().anyMatch((move) -> move.kind().axis == Axis.ZOOM);
		double logZoom = 0, x = 0, y = 0, roll = 0;
		for (Move move : moves) {
			double s = move.speed();
			switch (move.kind()) {
				case PUSH_IN -> logZoom += p * Math.log1p(PUSH * s);
				case PULL_OUT -> logZoom += (1 - p) * Math.log1p(PUSH * s);
				case BREATHING -> logZoom += BREATH * s * (0.5 - 0.5 * Math.cos(2 * Math.PI * t));
				case PAN_LEFT -> x -= (p - 0.5) * PAN * s;
				case PAN_RIGHT -> x += (p - 0.5) * PAN * s;
				case TILT_UP -> y -= (p - 0.5) * TILT * s;
				case TILT_DOWN -> y += (p - 0.5) * TILT * s;
				case ORBIT_LEFT, ORBIT_RIGHT -> {
					double direction = move.kind() == Kind.ORBIT_RIGHT ? 1 : -1;
					x += direction * (p - 0.5) * ORBIT * s;
					roll -= direction * (p - 0.5) * ORBIT_ROLL * s;
					if (!explicitZoom) {
						// an arc passes closest to the subject half way round
						logZoom += Math.sin(Math.PI * p) * 0.04 * s;
					}
				}
				case RISE -> {
					y -= (p - 0.5) * RISE * s;
					if (!explicitZoom) {
						logZoom += (1 - p) * Math.log1p(0.10 * s);
					}
				}
				case DESCEND -> {
					y += (p - 0.5) * RISE * s;
					if (!explicitZoom) {
						logZoom += p * Math.log1p(0.08 * s);
					}
				}
				case HANDHELD -> {
					x += SHAKE * s * SmoothNoise.at(0, seconds);
					y += SHAKE * s * SmoothNoise.at(1, seconds);
					roll += SHAKE_ROLL * s * SmoothNoise.at(2, seconds);
					logZoom += 0.5 * SHAKE * s * SmoothNoise.at(3, seconds);
				}
				case STATIC -> {
				}
			}
		}
		return new Pose(Math.exp(logZoom), x, y, roll);
	}

	/** For logs and tests, e.g. {@code push-in(0.85) + handheld(1.0)}. */
	public String describe() {
		return moves.stream()
			.map((move) -> move.kind().slug() + "(" + move.speed() + ")")
			.collect(Collectors.joining(" + "));
	}

	/**
	 * Value noise through seeded random knots, interpolated with Catmull-Rom splines (continuous
	 * in position and velocity), two octaves: the slow drift and the small sway of a hand.
	 */
	static final class SmoothNoise {

		private SmoothNoise() {
		}

		static double at(int channel, double seconds) {
			return 0.75 * octave(channel, seconds / 0.9) + 0.25 * octave(channel + 101, seconds / 0.37 + 0.5);
		}

		private static double octave(int channel, double t) {
			long k = (long) Math.floor(t);
			double f = t - k;
			double p0 = knot(channel, k - 1), p1 = knot(channel, k), p2 = knot(channel, k + 1),
					p3 = knot(channel, k + 2);
			return 0.5 * (2 * p1 + (-p0 + p2) * f + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f * f
					+ (-p0 + 3 * p1 - 3 * p2 + p3) * f * f * f);
		}

		/** A repeatable value in [-1, 1] (SplitMix64 finaliser). */
		private static double knot(int channel, long k) {
			long z = k * 0x9E3779B97F4A7C15L + channel * 0xBF58476D1CE4E5B9L + 0x5DEECE66DL;
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			z = z ^ (z >>> 31);
			return (z >>> 11) * 0x1.0p-53 * 2 - 1;
		}

	}

	private static final class Parser {

		private static final String ADVERB = "(?:\\w+ly\\s+)?";

		private static final String SIDE = "\\s+(?:to\\s+(?:the\\s+)?)?";

		private static final Map<String, Double> SPEEDS = speeds();

		private static final Set<String> NEGATIONS = Set.of("no", "not", "without", "dont", "never", "avoid",
				"nor", "zero");

		/**
		 * "the camera slowly", "we", ...: verbs such as move, drift or rise are camera language
		 * only after one of these, since prompts also describe what moves in the scene ("clouds
		 * drifting to the right", "the sun rising over the sea").
		 */
		private static final String CAMERA = "\\b(?:the\\s+)?(?:camera|cam|we|view|shot|lens|drone)\\s+" + ADVERB;

		private static final String GENERIC = "(?:move|moves|moving|creeps|creeping|glides|gliding|drifts|drifting"
				+ "|travels|traveling|travelling|slides|sliding|sweeps|sweeping|swings|swinging|pushes|pushing"
				+ "|pulls|pulling|floats|floating)";

		private static final String INWARD = "(?:in|into|inward|inwards|forward|forwards|closer|toward|towards)\\b";

		private static final String OUTWARD = "(?:out|outward|outwards|back|backward|backwards|away)\\b";

		private static final List<Rule> RULES = List.of(
				// push in / zoom in / dolly in
				strong("\\b(?:push|pushes|pushed|pushing|zoom|zooms|zoomed|zooming|dolly|dollies|dollying|track|tracks"
						+ "|tracking)\\s+" + ADVERB + INWARD, Kind.PUSH_IN),
				strong(CAMERA + GENERIC + "\\s+" + ADVERB + INWARD, Kind.PUSH_IN),
				weak("\\b(?:push|pushes|pushing|zoom|zooms|zooming)\\b(?!\\s+" + ADVERB
						+ "(?:out|back|away|backward|backwards|outward|outwards))", Kind.PUSH_IN),
				// pull out / zoom out / dolly out
				strong("\\b(?:pull|pulls|pulled|pulling|zoom|zooms|zoomed|zooming|dolly|dollies|dollying|track|tracks"
						+ "|tracking)\\s+" + ADVERB + OUTWARD, Kind.PULL_OUT),
				strong(CAMERA + "(?:" + GENERIC + "|backs|backing)\\s+" + ADVERB + OUTWARD, Kind.PULL_OUT),
				weak("\\b(?:pullback|pullout)\\b", Kind.PULL_OUT),
				// pan, truck, and the camera sliding sideways
				strong("\\b(?:pan|pans|panned|panning|truck|trucks|trucking|track|tracks|tracking|dolly|dollies"
						+ "|dollying)(?:\\s+\\w+ly)?" + SIDE + "(left|right)(?:ward|wards)?\\b",
						(m) -> m.group(1).equals("left") ? Kind.PAN_LEFT : Kind.PAN_RIGHT),
				strong(CAMERA + GENERIC + "(?:\\s+\\w+ly)?" + SIDE + "(left|right)(?:ward|wards)?\\b",
						(m) -> m.group(1).equals("left") ? Kind.PAN_LEFT : Kind.PAN_RIGHT),
				weak("\\b(?:pan|pans|panned|panning)\\b(?!" + SIDE + "(?:left|right|up|down))", Kind.PAN_RIGHT),
				// tilt
				strong("\\b(?:tilt|tilts|tilted|tilting|pan|pans|panned|panning)\\s+" + ADVERB
						+ "(up|upward|upwards|down|downward|downwards)\\b",
						(m) -> m.group(1).startsWith("up") ? Kind.TILT_UP : Kind.TILT_DOWN),
				weak("\\b(?:tilt|tilts|tilting)\\b", Kind.TILT_UP),
				// orbit / arc
				strong("\\b(?:orbit|orbits|orbited|orbiting|orbital|(?:arc|arcs|arcing)(?=\\s+(?:shot|move|around|round"
						+ "|to\\s+the|left|right))|(?:circle|circles|circling)(?=\\s+(?:around|round)\\s+the\\s+"
						+ "(?:subject|scene)))\\b(?:\\s+(?:around|round)(?:\\s+the\\s+\\w+)?)?(?:\\s+\\w+ly)?(?:" + SIDE
						+ "(left|right))?",
						(m) -> "left".equals(m.group(1)) ? Kind.ORBIT_LEFT : Kind.ORBIT_RIGHT),
				strong(CAMERA + "(?:arcs|arcing|circles|circling)\\b(?:\\s+(?:around|round)(?:\\s+the\\s+\\w+)?)?"
						+ "(?:\\s+\\w+ly)?(?:" + SIDE + "(left|right))?",
						(m) -> "left".equals(m.group(1)) ? Kind.ORBIT_LEFT : Kind.ORBIT_RIGHT),
				// handheld
				strong("\\b(?:hand\\s*held|shaky|wobbly cam|documentary style|found footage|vlog|gopro"
						+ "|(?:camera|cam)\\s+(?:shake|shakes|shaking|wobble|wobbles|wobbling|sway|sways|swaying|jitter)"
						+ "|(?:shaking|wobbly|wobbling|swaying|jittery|unsteady|trembling)\\s+(?:camera|cam|footage|shot))\\b",
						Kind.HANDHELD),
				// drone rise / crane up
				strong("\\b(?:crane|cranes|craned|craning|boom|booms|booming|pedestal|pedestals|jib|jibs)\\s+" + ADVERB
						+ "(?:up|upward|upwards)\\b", Kind.RISE),
				strong(CAMERA + "(?:rise|rises|rising|ascend|ascends|ascending|climbs|climbing|lifts|lifting|flies up"
						+ "|flying up|soars|soaring)\\b", Kind.RISE),
				strong("\\b(?:rising|ascending|climbing|soaring)\\s+(?:shot|camera|view|drone)\\b", Kind.RISE),
				weak("\\b(?:drone|aerial|birds eye|flyover|crane|cranes|craning)\\b(?!\\s+" + ADVERB + "down)",
						Kind.RISE),
				// crane down / descend
				strong("\\b(?:crane|cranes|craned|craning|boom|booms|booming|pedestal|pedestals|jib|jibs)\\s+" + ADVERB
						+ "(?:down|downward|downwards)\\b", Kind.DESCEND),
				strong(CAMERA + "(?:descend|descends|descending|sinks|sinking|drops|dropping|lowers|lowering"
						+ "|flies down|flying down)\\b", Kind.DESCEND),
				strong("\\b(?:descending|lowering|sinking)\\s+(?:shot|camera|view|drone)\\b", Kind.DESCEND),
				// a still frame, possibly breathing
				strong("\\b(?:static|locked off|locked down|lock off|tripod|stationary|fixed (?:camera|shot|frame)"
						+ "|still (?:camera|shot|frame)|no camera (?:movement|motion|moves|move)"
						+ "|camera (?:is |stays |remains )?(?:still|fixed|static))\\b", Kind.STATIC),
				strong("\\b(?:breathing (?:shot|camera|frame|motion|movement|zoom)|camera breathes|subtle breathing"
						+ "|gently breathing|cinemagraph|living (?:photo|photograph|picture))\\b", Kind.BREATHING));

		private final String text;

		Parser(String prompt) {
			this.text = prompt.toLowerCase(Locale.ROOT)
				.replaceAll("['\u2019]", "")
				.replaceAll("[-_/\u2013\u2014]", " ")
				.replaceAll("\\s+", " ");
		}

		CameraPath parse() {
			double promptSpeed = firstSpeed(words(text), false);
			List<Candidate> found = new ArrayList<>();
			for (Rule rule : RULES) {
				Matcher matcher = rule.pattern().matcher(text);
				while (matcher.find()) {
					Kind kind = rule.kind().apply(matcher);
					List<String> before = words(text.substring(clauseStart(matcher.start()), matcher.start()));
					if (kind != Kind.STATIC && negated(before)) {
						continue;
					}
					// a speed word in the phrase itself, just before it, just after it, or anywhere
					double speed = firstSpeed(words(matcher.group()), false);
					if (Double.isNaN(speed)) {
						speed = firstSpeed(before.subList(Math.max(0, before.size() - 3), before.size()), true);
					}
					if (Double.isNaN(speed)) {
						List<String> after = words(text.substring(matcher.end(), clauseEnd(matcher.end())));
						speed = firstSpeed(after.subList(0, Math.min(2, after.size())), false);
					}
					found.add(new Candidate(matcher.start(), kind, Double.isNaN(speed) ? promptSpeed : speed,
							rule.weak()));
				}
			}
			Set<Axis> strongAxes = found.stream()
				.filter((candidate) -> !candidate.weak())
				.map((candidate) -> candidate.kind().axis)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(Axis.class)));
			found.sort(Comparator.comparingInt(Candidate::start));
			List<Move> moves = new ArrayList<>();
			Set<Axis> taken = EnumSet.noneOf(Axis.class);
			for (Candidate candidate : found) {
				Axis axis = candidate.kind().axis;
				if (candidate.weak() && strongAxes.contains(axis)) {
					continue;
				}
				if (axis == Axis.NONE ? moves.stream().anyMatch((move) -> move.kind() == candidate.kind())
						: !taken.add(axis)) {
					continue;
				}
				moves.add(new Move(candidate.kind(), Double.isNaN(candidate.speed()) ? 1.0 : candidate.speed()));
			}
			if (moves.size() > 1) {
				moves.removeIf((move) -> move.kind() == Kind.STATIC);
			}
			if (moves.isEmpty()) {
				moves.add(new Move(Kind.PUSH_IN, Double.isNaN(promptSpeed) ? DEFAULT_SPEED : promptSpeed));
			}
			return new CameraPath(moves);
		}

		private static boolean negated(List<String> before) {
			return before.subList(Math.max(0, before.size() - 2), before.size()).stream().anyMatch(NEGATIONS::contains);
		}

		/** The speed of the word nearest the move ({@code fromEnd}) or the first one; NaN if none. */
		private static double firstSpeed(List<String> words, boolean fromEnd) {
			for (int i = 0; i < words.size(); i++) {
				Double speed = SPEEDS.get(words.get(fromEnd ? words.size() - 1 - i : i));
				if (speed != null) {
					return speed;
				}
			}
			return Double.NaN;
		}

		private int clauseStart(int index) {
			for (int i = index - 1; i >= 0; i--) {
				if (".,;:!?()".indexOf(text.charAt(i)) >= 0) {
					return i + 1;
				}
			}
			return 0;
		}

		private int clauseEnd(int index) {
			for (int i = index; i < text.length(); i++) {
				if (".,;:!?()".indexOf(text.charAt(i)) >= 0) {
					return i;
				}
			}
			return text.length();
		}

		private static List<String> words(String part) {
			List<String> words = new ArrayList<>();
			for (String word : part.split("[^a-z0-9]+")) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
			return words;
		}

		private static Map<String, Double> speeds() {
			Map<String, Double> speeds = new java.util.HashMap<>();
			for (String word : List.of("subtle", "subtly", "slight", "slightly", "barely", "minimal", "tiny")) {
				speeds.put(word, 0.5);
			}
			for (String word : List.of("gentle", "gently", "soft", "softly", "calm", "calmly", "easy")) {
				speeds.put(word, 0.7);
			}
			for (String word : List.of("slow", "slowly", "leisurely", "unhurried", "lazy", "lazily")) {
				speeds.put(word, 0.85);
			}
			for (String word : List.of("fast", "faster", "quick", "quickly", "rapid", "rapidly", "swift", "swiftly",
					"brisk", "briskly", "energetic", "speedy")) {
				speeds.put(word, 1.6);
			}
			for (String word : List.of("dramatic", "dramatically", "aggressive", "aggressively", "bold", "sweeping",
					"epic", "intense", "extreme", "crash")) {
				speeds.put(word, 2.0);
			}
			return Map.copyOf(speeds);
		}

		private static Rule strong(String regex, Kind kind) {
			return new Rule(Pattern.compile(regex), (matcher) -> kind, false);
		}

		private static Rule strong(String regex, Function<Matcher, Kind> kind) {
			return new Rule(Pattern.compile(regex), kind, false);
		}

		private static Rule weak(String regex, Kind kind) {
			return new Rule(Pattern.compile(regex), (matcher) -> kind, true);
		}

		private record Rule(Pattern pattern, Function<Matcher, Kind> kind, boolean weak) {
		}

		private record Candidate(int start, Kind kind, double speed, boolean weak) {
		}

	}

}
