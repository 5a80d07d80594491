package com.wanderframe.generation;

import java.util.Locale;

public enum ModelKind {

	IMAGE, VIDEO;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ModelKind of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
