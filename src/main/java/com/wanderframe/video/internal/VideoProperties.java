package com.wanderframe.video.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * @param generator {@code local} or {@code replicate}; blank picks replicate when a Replicate
 * token is configured, else local
 * @param costs credits per {@code <duration>s-<resolution>} combination; a combination absent
 * here is not offered
 * @param publicUrl where Replicate can reach us; when set, updates arrive by webhook and polling
 * only reconciles
 * @param deadline a generation not finished by then is failed, canceled upstream and refunded
 * @param localFailurePhrase a prompt containing it makes the local generator fail, so the
 * failure path can be walked through without a model; blank (the default) disables it
 */
@ConfigurationProperties("wanderframe.video")
record VideoProperties(String generator, @DefaultValue Map<String, Integer> costs, String publicUrl,
		@DefaultValue("20m") Duration deadline, @DefaultValue("1m") Duration sweepInterval,
		@DefaultValue("2s") Duration firstPoll, @DefaultValue("30s") Duration maxPollInterval,
		@DefaultValue("2m") Duration reconciliationPoll, String localFailurePhrase) {

	static final Map<String, Integer> DEFAULT_COSTS = Map.of("6s-512p", 3, "10s-512p", 5, "6s-768p", 5, "10s-768p", 8,
			"6s-1080p", 8);

	VideoProperties {
		costs = costs == null || costs.isEmpty() ? DEFAULT_COSTS : Map.copyOf(costs);
	}

	/** Where Replicate should post updates, or null when we are not reachable from outside. */
	URI webhookUrl() {
		if (!StringUtils.hasText(publicUrl)) {
			return null;
		}
		return URI.create(publicUrl.replaceAll("/+$", "") + "/api/webhooks/replicate");
	}

	boolean hasLocalFailurePhrase() {
		return StringUtils.hasText(localFailurePhrase);
	}

}
