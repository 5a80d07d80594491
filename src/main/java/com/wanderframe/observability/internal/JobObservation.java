package com.wanderframe.observability.internal;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.wanderframe.platform.JobInstanceIds;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Every background job runs inside an observation named {@code wanderframe.jobs} (a timer per
 * task, and a span when tracing is on, so the Replicate calls it makes are its children) and with
 * {@code generationId} in the logging context. A generation's jobs name it in their instance
 * id ({@link JobInstanceIds}), so that id is on every line of its work, whichever module the job belongs to; the trace id
 * is put there by Micrometer Tracing while the span is open.
 */
@Component
class JobObservation implements ExecutionInterceptor {

	static final String GENERATION_ID = "generationId";

	private final ObservationRegistry observations;

	JobObservation(ObservationRegistry observations) {
		this.observations = observations;
	}

	@Override
	public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context, ExecutionChain chain) {
		String generation = JobInstanceIds.subject(instance.getId()).orElse(null);
		Observation observation = Observation.createNotStarted("wanderframe.jobs", observations)
			.contextualName("job " + instance.getTaskName())
			.lowCardinalityKeyValue("task", instance.getTaskName());
		if (generation == null) {
			return observation.observe(() -> chain.proceed(instance, context));
		}
		observation.highCardinalityKeyValue("generation.id", generation);
		try (MDC.MDCCloseable mdc = MDC.putCloseable(GENERATION_ID, generation)) {
			return observation.observe(() -> chain.proceed(instance, context));
		}
	}

}
