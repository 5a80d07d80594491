package com.wanderframe.ratelimit;

import java.time.Duration;

/** A wait as a person reads it. */
final class Waits {

	private Waits() {
	}

	static String describe(Duration wait) {
		long seconds = wait.toSeconds();
		if (seconds < 120) {
			return seconds + (seconds == 1 ? " second" : " seconds");
		}
		return ((seconds + 59) / 60) + " minutes";
	}

}
