package com.wanderframe.platform;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * One line when a background job starts and one when it ends, on the instance that runs it, so
 * an operator can follow a generation's work across workers (and see one revived after its
 * worker died). A job's instance id is the generation's id; its data is never logged.
 */
@Component
class JobLog extends AbstractSchedulerListener {

	private static final Logger log = LoggerFactory.getLogger(JobLog.class);

	@Override
	public void onExecutionStart(CurrentlyExecuting executing) {
		Execution execution = executing.getExecution();
		if (isRecurring(execution)) {
			return;
		}
		try (MDC.MDCCloseable generation = MDC.putCloseable("generationId",
				JobInstanceIds.subject(execution.taskInstance.getId()).orElse(null))) {
			log.info("Job {}/{} started", execution.taskInstance.getTaskName(), execution.taskInstance.getId());
		}
	}

	@Override
	public void onExecutionComplete(ExecutionComplete complete) {
		Execution execution = complete.getExecution();
		if (isRecurring(execution)) {
			return;
		}
		// The same logging-context key the job's own lines carry (observability's JobObservation).
		try (MDC.MDCCloseable generation = MDC.putCloseable("generationId",
				JobInstanceIds.subject(execution.taskInstance.getId()).orElse(null))) {
			log.info("Job {}/{} ended: {} after {} ms", execution.taskInstance.getTaskName(),
					execution.taskInstance.getId(), complete.getResult().name().toLowerCase(java.util.Locale.ROOT),
					complete.getDuration().toMillis());
		}
	}

	/** Sweeps run every minute on some worker; a line each time would drown the rest. */
	private static boolean isRecurring(Execution execution) {
		return "recurring".equals(execution.taskInstance.getId());
	}

	@Override
	public void onExecutionDead(Execution execution) {
		log.warn("Job {}/{} was held by an instance that stopped answering ({}); it runs again",
				execution.taskInstance.getTaskName(), execution.taskInstance.getId(), execution.pickedBy);
	}

}
