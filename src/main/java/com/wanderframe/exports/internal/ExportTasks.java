package com.wanderframe.exports.internal;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The export job, kept by db-scheduler like the generations' jobs: scheduled in the transaction
 * that records the export, picked by one worker, run again if that worker dies mid-way (the row
 * is then still unfinished and the render starts over).
 */
@Configuration(proxyBeanMethods = false)
class ExportTasks {

	@Bean
	Task<Void> videoExportTask(ExportJob exports) {
		return Tasks.oneTime(EditAndExport.TASK).execute((instance, context) -> exports.render(UUID.fromString(instance.getId())));
	}

}
