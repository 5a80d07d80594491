package com.wanderframe.ratelimit;

import java.util.UUID;

/**
 * Implemented by each kind of generation (images, videos): how many of a person's are pending or
 * processing. {@link GenerationLimits} adds them up; it asks inside the charging transaction, as
 * that person, so row-level security applies.
 */
public interface UnfinishedGenerations {

	int unfinishedOf(UUID user);

}
