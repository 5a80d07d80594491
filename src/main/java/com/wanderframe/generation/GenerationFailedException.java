package com.wanderframe.generation;

/**
 * Thrown by a generator or a kind when the generation cannot be made: the engine fails it with
 * this reason and refunds it, once.
 */
public class GenerationFailedException extends RuntimeException {

	private final Failure.Reason reason;

	public GenerationFailedException(Failure.Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public GenerationFailedException(Failure.Reason reason, String detail, Throwable cause) {
		super(detail, cause);
		this.reason = reason;
	}

	public Failure.Reason reason() {
		return reason;
	}

}
