package com.wanderframe.video;

import java.util.UUID;

/**
 * Published once a person has deleted a video (its row hidden, its media removed), outside any
 * transaction: modules that keep something of the video (exports, share links) remove it too.
 */
public record VideoDeleted(UUID videoId, UUID ownerId) {
}
