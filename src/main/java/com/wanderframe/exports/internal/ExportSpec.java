package com.wanderframe.exports.internal;

/**
 * What a person asked an export to be, checked: {@code trimStart}/{@code trimEnd} in seconds of
 * the source ({@code trimEnd} null for "to the end"), {@code aspect} null to keep the source's,
 * {@code focusX}/{@code focusY} the point (fractions of the frame) a crop centres on,
 * {@code width} null for the format's default.
 */
record ExportSpec(ExportFormat format, double trimStart, Double trimEnd, double speed, boolean boomerang,
		Aspect aspect, double focusX, double focusY, Integer width) {

	ExportSpec focusedOn(double x, double y) {
		return new ExportSpec(format, trimStart, trimEnd, speed, boomerang, aspect, x, y, width);
	}

	enum Aspect {

		WIDE("16:9", 16, 9), TALL("9:16", 9, 16), SQUARE("1:1", 1, 1);

		final String value;

		final int across;

		final int down;

		Aspect(String value, int across, int down) {
			this.value = value;
			this.across = across;
			this.down = down;
		}

		static Aspect of(String value) {
			for (Aspect aspect : values()) {
				if (aspect.value.equals(value)) {
					return aspect;
				}
			}
			return null;
		}

	}

}
