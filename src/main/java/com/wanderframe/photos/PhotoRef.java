package com.wanderframe.photos;

import java.util.UUID;

/** A stored, cleaned photo: oriented, metadata stripped, at most 2048 px on the long side. */
public record PhotoRef(UUID id, UUID ownerId, String mediaKey, String contentType, int width, int height) {
}
