package com.wanderframe.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * How a background job names what it works on: {@code <kind>:<id>} (a generation's jobs, e.g.
 * {@code video:3f2c…}), so that the logs and traces of any job can carry the id of the thing it
 * serves without knowing which module scheduled it. Recurring jobs (sweeps) are named
 * {@code recurring} and serve nothing in particular.
 */
public final class JobInstanceIds {

	private JobInstanceIds() {
	}

	public static String of(String kind, Object id) {
		return kind + ":" + id;
	}

	/** The kind before the colon. */
	public static String kind(String instanceId) {
		return instanceId.substring(0, Math.max(0, instanceId.indexOf(':')));
	}

	/** The id after the kind, when it is one (a UUID); empty for a recurring job. */
	public static Optional<String> subject(String instanceId) {
		String id = instanceId.substring(instanceId.indexOf(':') + 1);
		try {
			return UUID.fromString(id).toString().equals(id) ? Optional.of(id) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
