package com.wanderframe.video.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live status streams ({@code GET /api/video/{id}/events}), each an open connection on this
 * instance.
 * @param perPerson streams one person may hold open on an instance; more are answered 429
 * @param perGeneration streams following one generation on an instance; more are answered 429
 * @param timeout a stream ends after this; a browser's EventSource reconnects at once
 * @param senders threads writing events to browsers; a browser that does not read holds at most
 * one of them, never the database listener
 */
@ConfigurationProperties("wanderframe.video.streams")
record LiveStatusProperties(@DefaultValue("5") int perPerson, @DefaultValue("3") int perGeneration,
		@DefaultValue("5m") Duration timeout, @DefaultValue("16") int senders) {
}
