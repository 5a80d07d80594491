package com.wanderframe.imaging.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * @param generator {@code local}, {@code replicate}, or blank: Replicate when a token is
 * configured, else local
 * @param cost credits one image costs
 * @param timeout how long a Replicate prediction may take before it is cancelled and refunded
 * @param pollInterval the first wait between polls of a prediction; it grows to {@code maxPollInterval}
 * @param publicUrl where Replicate can reach us ({@code APP_PUBLIC_URL}); when set, updates
 * arrive by webhook and polling only reconciles, every {@code reconciliationPoll}
 */
@ConfigurationProperties("wanderframe.imaging")
record ImagingProperties(String generator, @DefaultValue("1") int cost, @DefaultValue("5m") Duration timeout,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration maxPollInterval, String publicUrl,
		@DefaultValue("30s") Duration reconciliationPoll) {

	ImagingProperties {
		if (cost <= 0) {
			throw new IllegalArgumentException("wanderframe.imaging.cost must be positive");
		}
	}

	/** Where Replicate should post updates, or null when we are not reachable from outside. */
	URI webhookUrl() {
		if (!StringUtils.hasText(publicUrl)) {
			return null;
		}
		return URI.create(publicUrl.strip().replaceAll("/+$", "") + "/api/webhooks/replicate");
	}

}
