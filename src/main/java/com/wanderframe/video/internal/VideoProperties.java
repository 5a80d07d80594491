package com.wanderframe.video.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How step 4's generations are followed ({@code wanderframe.video.*}); models and prices are the
 * catalogue's, the public URL is Replicate's.
 * @param deadline a generation not finished by then is failed, canceled upstream and refunded
 * @param localFailurePhrase a prompt containing it makes the local generator fail, so the
 * failure path can be walked through without a model; blank (the default) disables it
 */
@ConfigurationProperties("wanderframe.video")
record VideoProperties(@DefaultValue("20m") Duration deadline, @DefaultValue("2s") Duration firstPoll,
		@DefaultValue("30s") Duration maxPollInterval, @DefaultValue("2m") Duration reconciliationPoll,
		String localFailurePhrase) {

	boolean hasLocalFailurePhrase() {
		return StringUtils.hasText(localFailurePhrase);
	}

}
