package com.wanderframe.replicate.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How we reach Replicate ({@code wanderframe.replicate.*}).
 * @param baseUrl the API root, {@code https://api.replicate.com/v1} unless a test points elsewhere
 * @param apiToken sent as {@code Authorization: Bearer}; blank means Replicate is not configured
 * @param webhookSecret {@code whsec_...}; blank means fetch it from {@code GET /webhooks/default/secret}
 * @param publicUrl where Replicate can reach this app ({@code APP_PUBLIC_URL}); when set, updates
 * arrive by signed webhook at {@link ReplicateWebhookController#PATH} and polling only reconciles
 */
@ConfigurationProperties("wanderframe.replicate")
public record ReplicateProperties(@DefaultValue("https://api.replicate.com/v1") String baseUrl, String apiToken,
		String webhookSecret, @DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration requestTimeout,
		@DefaultValue Retry retry, String publicUrl) {

	public ReplicateProperties {
		baseUrl = StringUtils.hasText(baseUrl) ? baseUrl.strip() : "https://api.replicate.com/v1";
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
		apiToken = StringUtils.hasText(apiToken) ? apiToken.strip() : null;
		webhookSecret = StringUtils.hasText(webhookSecret) ? webhookSecret.strip() : null;
		publicUrl = StringUtils.hasText(publicUrl) ? publicUrl.strip().replaceAll("/+$", "") : null;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
		retry = retry == null ? new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(60)) : retry;
	}

	/**
	 * Backoff for 429, 5xx and network failures.
	 * @param maxAttempts attempts in all, the first included
	 * @param initialBackoff the first wait; each next one doubles, with jitter
	 * @param maxDelay the longest single wait; a longer {@code Retry-After} ends the retries (the
	 * caller's durable job can come back later instead of holding a thread)
	 */
	public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("60s") Duration maxDelay) {

		public Retry {
			maxAttempts = Math.max(1, maxAttempts);
			initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
			maxDelay = maxDelay == null ? Duration.ofSeconds(60) : maxDelay;
		}

	}

	/** Where Replicate should post updates, or null when we are not reachable from outside. */
	public java.net.URI webhookUrl() {
		return publicUrl == null ? null : java.net.URI.create(publicUrl + ReplicateWebhookController.PATH);
	}

	// Never print the token or the secret, whoever logs this record.
	@Override
	public String toString() {
		return "ReplicateProperties[baseUrl=" + baseUrl + ", apiToken=" + (apiToken == null ? "(none)" : "(set)")
				+ ", webhookSecret=" + (webhookSecret == null ? "(none)" : "(set)") + ", publicUrl=" + publicUrl
				+ ", connectTimeout="
				+ connectTimeout + ", requestTimeout=" + requestTimeout + ", retry=" + retry + "]";
	}

}
