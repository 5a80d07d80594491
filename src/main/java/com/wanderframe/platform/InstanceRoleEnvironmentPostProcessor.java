package com.wanderframe.platform;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A web instance never starts db-scheduler, whose health indicator would then report it down
 * and take the instance out of its load balancer: on the web role that indicator is off
 * (as a default, so an explicit setting still wins).
 */
public class InstanceRoleEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!InstanceRole.of(environment).runsJobs()) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("instanceRoleDefaults",
						Map.of("management.health.db-scheduler.enabled", "false")));
		}
	}

}
