/**
 * Step 1: photo intake. An upload is judged by its bytes, turned upright, scaled and written
 * afresh without metadata, then kept in the media store; other modules see a {@link PhotoRef}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Photos")
package com.wanderframe.photos;
