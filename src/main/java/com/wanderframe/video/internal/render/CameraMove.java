package com.wanderframe.video.internal.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A camera the person directs on the image itself: the first frame shows exactly {@code from},
 * the last exactly {@code to}, and in between the view glides from one to the other along
 * {@code easing}. Frames are in image pixels: {@code x}, {@code y} the top-left corner and
 * {@code w} the width; the height follows from the video's shape ({@link #frameHeight}).
 */
public record CameraMove(Frame from, Frame to, String easing) {

	/** The smallest frame, as a share of the image's width: closer, and the picture falls apart. */
	public static final double MIN_WIDTH_SHARE = 0.1;

	/** And in pixels, for small images. */
	public static final double MIN_WIDTH_PIXELS = 64;

	public record Frame(Double x, Double y, Double w) {
	}

	/** How the camera speeds up and slows down between the two frames. */
	public enum Easing {

		LINEAR("linear"), EASE_IN_OUT("ease-in-out"), EASE_OUT("ease-out");

		private final String value;

		Easing(String value) {
			this.value = value;
		}

		public String value() {
			return value;
		}

		public static Optional<Easing> of(String value) {
			for (Easing easing : values()) {
				if (easing.value.equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
					return Optional.of(easing);
				}
			}
			return Optional.empty();
		}

		double apply(double t) {
			return switch (this) {
				case LINEAR -> t;
				case EASE_IN_OUT -> t * t * (3 - 2 * t);
				case EASE_OUT -> 1 - (1 - t) * (1 - t);
			};
		}

	}

	/**
	 * A frame's height on an image of this size: the video has the image's shape (within 3:1, as
	 * {@link LocalMotionRenderer#outputSize} makes it), and so has every frame of the camera.
	 */
	public static double frameHeight(double width, int imageWidth, int imageHeight) {
		double aspect = Math.max(1 / LocalMotionRenderer.MAX_ASPECT,
				Math.min(LocalMotionRenderer.MAX_ASPECT, (double) imageWidth / imageHeight));
		return width / aspect;
	}

	/**
	 * What is wrong with this move on an image of this size, for the person to read; empty when
	 * it is good: both frames given, inside the image, at least the minimum size, a known easing.
	 */
	public Optional<String> problem(int imageWidth, int imageHeight) {
		if (Easing.of(easing).isEmpty()) {
			return Optional.of("The easing must be linear, ease-in-out or ease-out.");
		}
		for (var named : List.of(new Object[] { "start", from }, new Object[] { "end", to })) {
			String name = (String) named[0];
			Frame frame = (Frame) named[1];
			if (frame == null || frame.x() == null || frame.y() == null || frame.w() == null
					|| !Double.isFinite(frame.x()) || !Double.isFinite(frame.y()) || !Double.isFinite(frame.w())) {
				return Optional.of("The " + name + " frame needs x, y and w, in image pixels.");
			}
			double minimum = Math.max(MIN_WIDTH_PIXELS, MIN_WIDTH_SHARE * imageWidth);
			if (frame.w() < minimum) {
				return Optional.of("The " + name + " frame must be at least " + Math.round(Math.ceil(minimum))
						+ " pixels wide.");
			}
			double height = frameHeight(frame.w(), imageWidth, imageHeight);
			if (frame.x() < 0 || frame.y() < 0 || frame.x() + frame.w() > imageWidth
					|| frame.y() + height > imageHeight) {
				return Optional.of("The " + name + " frame must lie inside the " + imageWidth + "×" + imageHeight
						+ " image.");
			}
		}
		return Optional.empty();
	}

	/**
	 * The camera at every frame, as {@link Framing} takes it: relative to the widest view of the
	 * video's shape, centred. A frame inside the image needs no extra fit, so the first and last
	 * views are the chosen rectangles.
	 */
	List<Pose> poses(int imageWidth, int imageHeight, int outWidth, int outHeight, int frames) {
		double usableWidth = imageWidth - 1, usableHeight = imageHeight - 1;
		double aspect = (double) outWidth / outHeight;
		double baseWidth = usableWidth / usableHeight > aspect ? usableHeight * aspect : usableWidth;
		double baseHeight = baseWidth / aspect;
		Easing curve = Easing.of(easing).orElse(Easing.EASE_IN_OUT);
		List<Pose> poses = new ArrayList<>(frames);
		for (int i = 0; i < frames; i++) {
			double t = curve.apply(frames > 1 ? (double) i / (frames - 1) : 0);
			double x = from.x() + (to.x() - from.x()) * t;
			double y = from.y() + (to.y() - from.y()) * t;
			double w = from.w() + (to.w() - from.w()) * t;
			double h = frameHeight(w, imageWidth, imageHeight);
			// pixel centres: a frame from the left edge 0 to w is centred on (w - 1) / 2
			double centerX = x + w / 2 - 0.5, centerY = y + h / 2 - 0.5;
			// the view spans (w - 1) between its outermost pixel centres, like the widest view
			double span = Math.max(1, w - 1);
			poses.add(new Pose(baseWidth / span, (centerX - usableWidth / 2) / baseWidth,
					(centerY - usableHeight / 2) / baseHeight, 0));
		}
		return poses;
	}

}
