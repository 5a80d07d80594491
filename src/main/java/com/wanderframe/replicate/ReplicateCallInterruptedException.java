package com.wanderframe.replicate;

/**
 * A call to Replicate was interrupted (the thread's interrupt flag is set again before this is
 * thrown), typically because the app is shutting down and its job scheduler interrupts running
 * work. Deliberately not a {@link ReplicateException}: nothing went wrong on Replicate's side, so
 * callers must neither fail nor refund the work; they should let it end and run it again later.
 * A create that was interrupted may still have reached Replicate.
 */
public class ReplicateCallInterruptedException extends RuntimeException {

	public ReplicateCallInterruptedException(String message, InterruptedException cause) {
		super(message, cause);
	}

}
