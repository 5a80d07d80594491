package com.wanderframe.media;

import java.time.Instant;

public record MediaObject(String key, long size, String contentType, Instant lastModified) {
}
