/**
 * Media: where photos, images and videos live (local disk by default, an S3-compatible bucket in
 * production), and serving media to its owner with HTTP Range support.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package com.wanderframe.media;
