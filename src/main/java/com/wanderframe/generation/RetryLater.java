package com.wanderframe.generation;

/**
 * A step that did not fail but could not finish now: the app is shutting down, or storage is
 * briefly unavailable. Thrown to db-scheduler, which runs the job again after a backoff (the
 * deadline sweeper bounds how long); never a reason to fail the generation and refund it.
 */
public class RetryLater extends RuntimeException {

	public RetryLater(String message, Throwable cause) {
		super(message, cause);
	}

}
