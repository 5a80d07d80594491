/**
 * Watching the app run: the {@code wanderframe.*} metrics (Prometheus at
 * {@code /actuator/prometheus}, never public), the generation id and trace id on every log line
 * of a background job, and the job spans that carry a trace from the request to Replicate.
 * Other modules report what happened through {@link com.wanderframe.observability.GenerationMetrics}
 * at the points where a generation changes state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observability")
package com.wanderframe.observability;
