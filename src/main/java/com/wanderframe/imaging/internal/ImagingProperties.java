package com.wanderframe.imaging.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param generator {@code local}, {@code replicate}, or blank: Replicate when a token is
 * configured, else local
 * @param cost credits one image costs
 * @param timeout how long a Replicate prediction may take before it is cancelled and refunded
 * @param pollInterval the first wait between polls of a prediction; it grows to {@code maxPollInterval}
 */
@ConfigurationProperties("wanderframe.imaging")
record ImagingProperties(String generator, @DefaultValue("1") int cost, @DefaultValue("5m") Duration timeout,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration maxPollInterval) {

	ImagingProperties {
		if (cost <= 0) {
			throw new IllegalArgumentException("wanderframe.imaging.cost must be positive");
		}
	}

}
