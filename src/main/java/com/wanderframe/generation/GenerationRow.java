package com.wanderframe.generation;

import java.time.Instant;
import java.util.UUID;

/** What the engine knows of any generation, whichever table keeps it. */
public record GenerationRow(GenerationId id, UUID userId, String model, String predictionId,
		GenerationStatus status, Instant createdAt, Instant startedAt) {
}
