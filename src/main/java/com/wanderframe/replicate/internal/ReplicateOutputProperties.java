package com.wanderframe.replicate.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How model outputs are fetched ({@code wanderframe.replicate.output.*}).
 * @param hosts where outputs may come from, see {@link OutputHosts}; blank means Replicate's
 * delivery hosts
 * @param maxSize the largest output accepted; a bigger one fails the generation
 * @param deadline how long one output may take to arrive in all, redirects and retries included
 */
@ConfigurationProperties("wanderframe.replicate.output")
public record ReplicateOutputProperties(String hosts, DataSize maxSize, Duration deadline) {

	public ReplicateOutputProperties {
		hosts = hosts == null || hosts.isBlank() ? OutputHosts.REPLICATE_DELIVERY : hosts.strip();
		maxSize = maxSize == null ? DataSize.ofMegabytes(256) : maxSize;
		deadline = deadline == null ? Duration.ofMinutes(5) : deadline;
		OutputHosts.parse(hosts);
	}

	/** Replicate's delivery hosts, 256 MB, 5 minutes. */
	static ReplicateOutputProperties defaults() {
		return new ReplicateOutputProperties(null, null, null);
	}

}
