package com.wanderframe.generation;

/**
 * Why a generation failed: a stable {@code code} and a sentence for the person. Every failure
 * ends with a refund, so every message says so.
 */
public record Failure(String code, String message) {

	/**
	 * The one failure vocabulary, for images and videos alike. {@code %s} in a message is the
	 * kind's noun ("picture", "video").
	 */
	public enum Reason {

		/** Replicate refused the request or could not be reached. */
		PROVIDER_UNAVAILABLE("provider_unavailable",
				"The model could not take this request right now. Your credits have been refunded; try again in a few minutes."),
		/** The photo or image to start from is gone. */
		SOURCE_UNAVAILABLE("source_unavailable",
				"What this %s was to be made from is no longer there. Your credits have been refunded."),
		/** The model ran and failed. */
		GENERATION_FAILED("generation_failed",
				"The model could not make this %s. Try a different picture or description. Your credits have been refunded."),
		CANCELED("canceled", "This %s was canceled before it finished. Your credits have been refunded."),
		/** Replicate's deadline passed before the prediction started. */
		ABORTED("aborted", "The model did not start in time. Your credits have been refunded."),
		/** Our deadline passed; the sweeper (or a poll) stopped it. */
		TIMED_OUT("timed_out", "This %s took too long, so we stopped it. Your credits have been refunded."),
		/** The model finished but its output could not be fetched. */
		OUTPUT_UNAVAILABLE("output_unavailable",
				"The finished %s could not be fetched from the model. Your credits have been refunded."),
		/** What arrived is not a playable video or a readable picture. */
		OUTPUT_INVALID("output_invalid", "The %s we received could not be used, so we refunded it."),
		/** The local renderer or compositor could not make it. */
		RENDER_FAILED("render_failed", "We could not make this %s. Your credits have been refunded.");

		private final String code;

		private final String message;

		Reason(String code, String message) {
			this.code = code;
			this.message = message;
		}

		public String code() {
			return code;
		}

		/** This reason, told about a {@code noun} ("picture", "video"). */
		public Failure of(String noun) {
			return new Failure(code, message.formatted(noun));
		}

	}

}
