/**
 * A small typed client of Replicate's HTTP API (predictions, files, cancel) and the verification
 * of its signed webhooks. Verified webhook deliveries are published as {@link PredictionUpdated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Replicate")
package com.wanderframe.replicate;
