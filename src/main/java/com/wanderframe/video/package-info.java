/**
 * Step 4, the heart of the product: turning the step-3 image into a short video. A generation is
 * paid for, validated and scheduled in one transaction, then run in the background by a
 * {@code VideoGenerator} (the local motion renderer by default, Replicate's
 * {@code minimax/hailuo-02} in production) and followed live over Server-Sent Events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Video")
package com.wanderframe.video;
