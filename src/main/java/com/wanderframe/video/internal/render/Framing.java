package com.wanderframe.video.internal.render;

import java.util.List;

/**
 * Turns camera poses into viewports on the source picture that never leave it, so no frame ever
 * shows an edge. Coordinates are source pixel centres: the usable area is {@code [0, w-1]} by
 * {@code [0, h-1]}.
 * <p>
 * Pans, tilts, rolls and a zoom-out below the widest view all need room around the viewport.
 * Instead of clamping frame by frame (which would stall the move against the edge), the whole
 * path is scaled up by one constant factor, the smallest that keeps every frame inside: offsets
 * and viewport sizes both shrink by it, so the move looks the same on screen, just closer.
 */
final class Framing {

	/** Where one output frame looks: its centre, source pixels per output pixel, and roll. */
	record Viewport(double centerX, double centerY, double scale, double roll) {
	}

	private final int outWidth;

	private final double centerX, centerY, baseWidth, baseHeight;

	private final double fit;

	Framing(int sourceWidth, int sourceHeight, int outWidth, int outHeight, List<Pose> poses) {
		this.outWidth = outWidth;
		double usableWidth = sourceWidth - 1, usableHeight = sourceHeight - 1;
		double aspect = (double) outWidth / outHeight;
		if (usableWidth / usableHeight > aspect) {
			baseHeight = usableHeight;
			baseWidth = usableHeight * aspect;
		}
		else {
			baseWidth = usableWidth;
			baseHeight = usableWidth / aspect;
		}
		centerX = usableWidth / 2;
		centerY = usableHeight / 2;
		double fit = 1;
		for (Pose pose : poses) {
			double cos = Math.abs(Math.cos(pose.roll())), sin = Math.abs(Math.sin(pose.roll()));
			// with the fit factor m, the viewport's half extent is (w|cos| + h|sin|) / (2 zoom m) and
			// its centre moves x w / m: both shrink with m, so the smallest m has a closed form
			fit = Math.max(fit, (2 * Math.abs(pose.x()) * baseWidth + (baseWidth * cos + baseHeight * sin) / pose.zoom())
					/ usableWidth);
			fit = Math.max(fit, (2 * Math.abs(pose.y()) * baseHeight + (baseWidth * sin + baseHeight * cos) / pose.zoom())
					/ usableHeight);
		}
		// a hair more, so rounding can never put a sample outside
		this.fit = fit * (1 + 1e-6);
	}

	Viewport viewport(Pose pose) {
		return new Viewport(centerX + pose.x() * baseWidth / fit, centerY + pose.y() * baseHeight / fit,
				baseWidth / (pose.zoom() * fit) / outWidth, pose.roll());
	}

	/** The extra zoom applied to the whole path to keep it inside the picture (1 = none). */
	double fit() {
		return fit;
	}

}
