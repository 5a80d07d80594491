package com.wanderframe.generation;

import java.util.Locale;

/** The one set of statuses for every generation, spelled in the database and the API in lower case. */
public enum GenerationStatus {

	PENDING, PROCESSING, COMPLETED, FAILED;

	/** The states a conditional UPDATE may leave, as SQL. */
	public static final String UNFINISHED_SQL = "status IN ('pending', 'processing')";

	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static GenerationStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
