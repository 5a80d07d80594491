package com.wanderframe.replicate;

/** Replicate's prediction statuses, spelled as Replicate spells them ({@code canceled}, one l). */
public enum PredictionStatus {

	STARTING, PROCESSING, SUCCEEDED, FAILED, CANCELED, ABORTED;

	public boolean isTerminal() {
		return this == SUCCEEDED || this == FAILED || this == CANCELED || this == ABORTED;
	}

	public static PredictionStatus of(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}

}
