package com.wanderframe.generation.internal;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.wanderframe.generation.GenerationId;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.platform.JobInstanceIds;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background jobs of every generation, kept by db-scheduler in our PostgreSQL: scheduled in
 * the transaction that charges for the generation, they survive restarts and run on exactly one
 * instance. Each instance id is {@code <kind>:<generation id>}, so a job cannot be scheduled
 * twice for one generation. A job schedules what follows through its own execution context.
 */
@Configuration(proxyBeanMethods = false)
public class GenerationTasks {

	public static final TaskDescriptor<Void> START = TaskDescriptor.of("generation-start");

	/** Data: how many polls came before, for the backoff. */
	static final TaskDescriptor<Integer> POLL = TaskDescriptor.of("generation-poll", Integer.class);

	/** Data: the provider's output URL to copy into our media store. */
	static final TaskDescriptor<String> FINISH = TaskDescriptor.of("generation-finish", String.class);

	/** The start job of a generation, due now. */
	public static com.github.kagkarlsson.scheduler.task.SchedulableInstance<Void> start(ModelKind kind,
			GenerationId id) {
		return START.instance(instanceId(kind, id)).scheduledTo(Instant.now());
	}

	static String instanceId(ModelKind kind, GenerationId id) {
		return JobInstanceIds.of(kind.value(), id);
	}

	private static ModelKind kind(String instanceId) {
		return ModelKind.of(JobInstanceIds.kind(instanceId));
	}

	private static GenerationId id(String instanceId) {
		return GenerationId.of(JobInstanceIds.subject(instanceId).orElseThrow());
	}

	@Bean
	Task<Void> generationStartTask(GenerationEngine engine) {
		return Tasks.custom(START).onFailure(retryWithBackoff()).execute((instance, context) -> {
			Followup next = engine.start(kind(instance.getId()), id(instance.getId()));
			schedule(context.getSchedulerClient(), kind(instance.getId()), id(instance.getId()), next);
			return new CompletionHandler.OnCompleteRemove<>();
		});
	}

	@Bean
	Task<Integer> generationPollTask(GenerationEngine engine) {
		return Tasks.custom(POLL).onFailure(retryWithBackoff()).execute((instance, context) -> {
			int polls = instance.getData() == null ? 0 : instance.getData();
			Followup next = engine.poll(kind(instance.getId()), id(instance.getId()), polls);
			if (next instanceof Followup.Poll poll) {
				return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(poll.after()),
						poll.polls());
			}
			schedule(context.getSchedulerClient(), kind(instance.getId()), id(instance.getId()), next);
			return new CompletionHandler.OnCompleteRemove<>();
		});
	}

	@Bean
	Task<String> generationFinishTask(GenerationEngine engine) {
		return Tasks.oneTime(FINISH)
			.onFailure(retryWithBackoff())
			.execute((instance, context) -> engine.finish(kind(instance.getId()), id(instance.getId()),
					instance.getData()));
	}

	@Bean
	Task<Void> generationDeadlineSweepTask(GenerationEngine engine,
			@Value("${wanderframe.generation.sweep-interval:1m}") Duration interval) {
		return Tasks.recurring("generation-deadline-sweep", FixedDelay.of(interval))
			.execute((instance, context) -> engine.sweep());
	}

	static void schedule(SchedulerClient scheduler, ModelKind kind, GenerationId id, Followup next) {
		String instance = instanceId(kind, id);
		if (next instanceof Followup.Poll poll) {
			scheduler.scheduleIfNotExists(
					POLL.instance(instance).data(poll.polls()).scheduledTo(Instant.now().plus(poll.after())));
		}
		else if (next instanceof Followup.Finish finish) {
			scheduler.scheduleIfNotExists(FINISH.instance(instance).data(finish.output()).scheduledTo(Instant.now()));
		}
	}

	/**
	 * A step that threw (an interruption at shutdown, a storage hiccup) runs again soon, then less
	 * often; the deadline sweeper ends a generation that never gets through.
	 */
	private static <T> FailureHandler<T> retryWithBackoff() {
		return new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(3), 2.0);
	}

}
