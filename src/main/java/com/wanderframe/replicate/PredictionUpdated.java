package com.wanderframe.replicate;

/** A verified webhook delivery from Replicate. Deliveries repeat: listeners must be idempotent. */
public record PredictionUpdated(Prediction prediction) {
}
