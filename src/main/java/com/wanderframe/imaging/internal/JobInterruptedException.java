package com.wanderframe.imaging.internal;

/** The job's thread was interrupted (shutdown): the work is left to be resumed, not failed. */
class JobInterruptedException extends RuntimeException {

	JobInterruptedException(InterruptedException cause) {
		super("Interrupted", cause);
	}

}
