package com.wanderframe.video.internal;

import java.util.Locale;

enum VideoStatus {

	PENDING, PROCESSING, COMPLETED, FAILED;

	boolean isTerminal() {
		return this == COMPLETED || this == FAILED;
	}

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static VideoStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
