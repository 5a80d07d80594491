package com.wanderframe.imaging.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How step 3's generations are followed ({@code wanderframe.imaging.*}); models and prices are
 * the catalogue's, the public URL is Replicate's.
 * @param timeout from creation: an image not made by then is cancelled upstream, failed and refunded
 * @param pollInterval the first wait between polls of a prediction; it grows to {@code maxPollInterval}
 * @param reconciliationPoll the only polling when webhooks bring the news
 */
@ConfigurationProperties("wanderframe.imaging")
record ImagingProperties(@DefaultValue("5m") Duration timeout, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("10s") Duration maxPollInterval, @DefaultValue("30s") Duration reconciliationPoll) {
}
