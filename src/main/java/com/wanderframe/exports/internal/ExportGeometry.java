package com.wanderframe.exports.internal;

/**
 * Where an export crops the source frame and how big it comes out. Every side is even: 4:2:0
 * video needs it, and the GIF path does no harm by it.
 */
record ExportGeometry(int cropX, int cropY, int cropWidth, int cropHeight, int width, int height) {

	static final int MAX_WIDTH = 1920;

	static ExportGeometry of(int sourceWidth, int sourceHeight, ExportSpec spec) {
		int cropWidth = even(sourceWidth);
		int cropHeight = even(sourceHeight);
		if (spec.aspect() != null) {
			double target = (double) spec.aspect().across / spec.aspect().down;
			if ((double) sourceWidth / sourceHeight > target) {
				cropWidth = Math.min(even(sourceWidth), even((int) Math.round(sourceHeight * target)));
			}
			else {
				cropHeight = Math.min(even(sourceHeight), even((int) Math.round(sourceWidth / target)));
			}
		}
		int cropX = even(clamp((int) Math.round(spec.focusX() * sourceWidth - cropWidth / 2.0), 0,
				sourceWidth - cropWidth));
		int cropY = even(clamp((int) Math.round(spec.focusY() * sourceHeight - cropHeight / 2.0), 0,
				sourceHeight - cropHeight));
		int width;
		if (spec.width() != null) {
			width = even(spec.width());
		}
		else if (spec.format() == ExportFormat.GIF) {
			width = Math.min(cropWidth, ExportFormat.GIF_DEFAULT_WIDTH);
		}
		else {
			width = Math.min(cropWidth, MAX_WIDTH);
		}
		width = even(width);
		int height = Math.max(2, even((int) Math.round((double) width * cropHeight / cropWidth)));
		return new ExportGeometry(cropX, cropY, cropWidth, cropHeight, width, height);
	}

	private static int even(int value) {
		return Math.max(2, value & ~1);
	}

	private static int clamp(int value, int low, int high) {
		return Math.max(low, Math.min(high, value));
	}

}
