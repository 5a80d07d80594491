package com.wanderframe.media.internal;

import java.io.IOException;

import com.wanderframe.media.MediaStore;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mediaStore} in {@code /actuator/health}: an instance that cannot reach its bucket cannot
 * take an upload or store a finished video, so it is not ready (the readiness group includes
 * this); it is still alive, and restarting it would not bring the bucket back.
 */
@Component("mediaStoreHealthIndicator")
class MediaStoreHealthIndicator implements HealthIndicator {

	private final MediaStore media;

	MediaStoreHealthIndicator(MediaStore media) {
		this.media = media;
	}

	@Override
	public Health health() {
		try {
			media.checkAvailable();
			return Health.up().build();
		}
		catch (IOException | RuntimeException ex) {
			return Health.down().withDetail("error", ex.getMessage()).build();
		}
	}

}
