package com.wanderframe.imaging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.wanderframe.location.Locations;
import com.wanderframe.segmentation.PersonSegmentation;
import com.wanderframe.replicate.ReplicateClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImagingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ImagingConfiguration.class);

	/**
	 * {@code wanderframe.imaging.generator}: {@code local}, {@code replicate}, or blank for
	 * Replicate when a token is configured and the local compositor otherwise.
	 */
	@Bean
	ImageGenerator imageGenerator(ImagingProperties properties, Locations locations, PersonSegmentation segmentation,
			ObjectProvider<ReplicateClient> replicate) {
		String choice = properties.generator() == null ? "" : properties.generator().trim().toLowerCase(Locale.ROOT);
		ReplicateClient client = replicate.getIfAvailable();
		ImageGenerator generator = switch (choice) {
			case "local" -> new LocalCompositor(locations, segmentation);
			case "replicate" -> {
				if (client == null || !client.isConfigured()) {
					throw new IllegalStateException(
							"wanderframe.imaging.generator=replicate needs REPLICATE_API_TOKEN (wanderframe.replicate.api-token)");
				}
				yield new KontextGenerator(client, properties);
			}
			case "" -> client != null && client.isConfigured() ? new KontextGenerator(client, properties)
					: new LocalCompositor(locations, segmentation);
			default -> throw new IllegalStateException(
					"wanderframe.imaging.generator must be local or replicate, not '" + properties.generator() + "'");
		};
		log.info("Images are made by {}", generator.model());
		return generator;
	}

	/**
	 * Runs the job; while the generator waits on Replicate, the same task comes back later. A run
	 * ends with an exception only when it was interrupted (shutdown): it is run again after a few
	 * seconds, then less often, and the image's own timeout ends the retries.
	 */
	@Bean
	Task<Void> generateImageTask(ImageJob job) {
		return Tasks.custom(ImageJob.TASK, Void.class)
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2)))
			.execute((instance, context) -> {
				Optional<Duration> again = job.run(UUID.fromString(instance.getId()));
				if (again.isPresent()) {
					Instant next = Instant.now().plus(again.get());
					return (complete, operations) -> operations.reschedule(complete, next);
				}
				return new CompletionHandler.OnCompleteRemove<>();
			});
	}

}
