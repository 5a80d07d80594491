package com.wanderframe.replicate;

/**
 * Replicate refused or could not be reached after retries. {@code status} is the last HTTP
 * status, or 0 when there was none (network failure). The message never holds the token.
 */
public class ReplicateException extends RuntimeException {

	private final int status;

	public ReplicateException(int status, String message) {
		super(message);
		this.status = status;
	}

	public ReplicateException(int status, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	public int status() {
		return status;
	}

	/** A 4xx other than 429: retrying the same request will not help. */
	public boolean isPermanent() {
		return status >= 400 && status < 500 && status != 429;
	}

}
