package com.wanderframe.platform;

import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * What this instance does ({@code WANDERFRAME_ROLE}): {@code web} serves the pages and the API
 * and schedules jobs in its transactions but never runs one; {@code worker} runs the jobs and
 * answers only health checks; {@code all} (the default) does both, for a single instance.
 */
public enum InstanceRole {

	ALL, WEB, WORKER;

	public static final String PROPERTY = "wanderframe.role";

	public boolean runsJobs() {
		return this != WEB;
	}

	public boolean servesPeople() {
		return this != WORKER;
	}

	public static InstanceRole of(Environment environment) {
		return parse(environment.getProperty(PROPERTY, "all"));
	}

	static InstanceRole parse(String value) {
		String role = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
		if (role.isEmpty()) {
			return ALL;
		}
		try {
			return valueOf(role);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("WANDERFRAME_ROLE (" + PROPERTY + ") must be all, web or worker, not '"
					+ value.trim() + "'");
		}
	}

}
