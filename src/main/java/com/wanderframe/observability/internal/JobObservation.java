package com.wanderframe.observability.internal;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.util.Map;
import java.util.Optional;

import com.wanderframe.observability.JobTraces;
import com.wanderframe.platform.JobInstanceIds;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Every background job runs inside an observation named {@code wanderframe.jobs} (a timer per
 * task, and a span when tracing is on, so the Replicate calls it makes are its children) and with
 * {@code generationId} in the logging context. A generation's jobs name it in their instance
 * id ({@link JobInstanceIds}), so that id is on every line of its work, whichever module the job belongs to; the trace id
 * is put there by Micrometer Tracing while the span is open. When the request that scheduled the
 * generation left its trace ({@link JobTraces}), the job's span continues that trace (a consumer
 * span whose parent is the request's), so request, jobs and Replicate calls are one trace and the
 * job's lines carry the request's trace id.
 */
@Component
class JobObservation implements ExecutionInterceptor {

	static final String GENERATION_ID = "generationId";

	private final ObservationRegistry observations;

	private final JobTraces traces;

	JobObservation(ObservationRegistry observations, JobTraces traces) {
		this.observations = observations;
		this.traces = traces;
	}

	@Override
	public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context, ExecutionChain chain) {
		String generation = JobInstanceIds.subject(instance.getId()).orElse(null);
		Optional<Map<String, String>> parent = generation == null || observations.isNoop() ? Optional.empty()
				: traces.parentOf(generation);
		Observation observation = parent
			.map(headers -> Observation.createNotStarted("wanderframe.jobs", () -> continuing(headers), observations))
			.orElseGet(() -> Observation.createNotStarted("wanderframe.jobs", observations))
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

	/** A context the tracing handler reads the parent span from, as it would a message's headers. */
	private static ReceiverContext<Map<String, String>> continuing(Map<String, String> headers) {
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
		context.setCarrier(headers);
		context.setRemoteServiceName("wanderframe");
		return context;
	}

}
