package com.wanderframe.video.internal;

import java.util.Arrays;
import java.util.Optional;

/** The output sizes we offer, named as minimax/hailuo-02 names them: by the short side. */
enum Resolution {

	P512("512p", 512), P768("768p", 768), P1080("1080p", 1080);

	private final String label;

	private final int shortSide;

	Resolution(String label, int shortSide) {
		this.label = label;
		this.shortSide = shortSide;
	}

	String label() {
		return label;
	}

	int shortSide() {
		return shortSide;
	}

	static Optional<Resolution> of(String label) {
		return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
	}

}
