package com.wanderframe.imaging.internal;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.wanderframe.credits.Credits;
import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import com.wanderframe.photos.PhotoRef;
import com.wanderframe.photos.Photos;
import com.wanderframe.observability.GenerationMetrics;
import com.wanderframe.platform.ApiException;
import com.wanderframe.ratelimit.GenerationLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 3's use case: check the request, pass the generation limits, then in one transaction charge
 * the credits, record the image as pending and schedule its job. Bad input changes nothing.
 */
@Service
class GenerateImage {

	private final Locations locations;

	private final Photos photos;

	private final GenerationLimits limits;

	private final Credits credits;

	private final GeneratedImages images;

	private final ImageGenerator generator;

	private final SchedulerClient scheduler;

	private final ImagingProperties properties;

	private final TransactionTemplate transactions;

	private final GenerationMetrics metrics;

	GenerateImage(Locations locations, Photos photos, GenerationLimits limits, Credits credits,
			GeneratedImages images, ImageGenerator generator, SchedulerClient scheduler, ImagingProperties properties,
			TransactionTemplate transactions, GenerationMetrics metrics) {
		this.metrics = metrics;
		this.locations = locations;
		this.photos = photos;
		this.limits = limits;
		this.credits = credits;
		this.images = images;
		this.generator = generator;
		this.scheduler = scheduler;
		this.properties = properties;
		this.transactions = transactions;
	}

	record Started(UUID id, String status, int cost, int credits) {
	}

	Started start(UUID user, UUID photoId, String slug) {
		Location location = locations.require(slug);
		PhotoRef photo = transactions.execute(status -> photos.find(photoId))
			.filter(found -> found.ownerId().equals(user))
			.orElseThrow(() -> ApiException.notFound("photo_not_found",
					"That photo does not exist or is not yours. Upload a photo first."));
		UUID id = UUID.randomUUID();
		int cost = properties.cost();
		int balance = limits.admit(
				new GenerationLimits.Generation("image", user, cost, generator instanceof KontextGenerator),
				() -> transactions.execute(status -> {
					int after = credits.charge(user, cost, id, "Image at " + location.name());
					images.insert(id, user, photo.id(), location.slug(), cost, generator.model());
					scheduler.schedule(ImageJob.instance(id), Instant.now());
					metrics.started("image", generator.model());
					return after;
				}));
		return new Started(id, "pending", cost, balance);
	}

}
