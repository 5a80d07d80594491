package com.wanderframe.imaging.internal;

import java.util.UUID;

import com.wanderframe.generation.Generations;
import com.wanderframe.generation.Model;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import com.wanderframe.photos.PhotoRef;
import com.wanderframe.photos.PhotoId;
import com.wanderframe.photos.Photos;
import com.wanderframe.platform.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 3's use case: check the request (the place, the photo is the caller's, the model is
 * offered), then the engine takes a rate-limit token and, in one transaction, charges, records
 * the image as pending and schedules its job. Bad input changes nothing.
 */
@Service
class GenerateImage {

	private final Locations locations;

	private final Photos photos;

	private final ModelCatalogue catalogue;

	private final Generations generations;

	private final GeneratedImages images;

	private final TransactionTemplate transactions;

	GenerateImage(Locations locations, Photos photos, ModelCatalogue catalogue, Generations generations,
			GeneratedImages images, TransactionTemplate transactions) {
		this.locations = locations;
		this.photos = photos;
		this.catalogue = catalogue;
		this.generations = generations;
		this.images = images;
		this.transactions = transactions;
	}

	record Started(UUID id, String status, String model, int cost, int credits) {
	}

	Started start(UUID user, UUID photoId, String slug, String modelId) {
		Model model = catalogue.require(ModelKind.IMAGE, modelId);
		Location location = locations.require(slug);
		PhotoRef photo = transactions.execute(status -> photos.find(new PhotoId(photoId)))
			.filter(found -> found.ownerId().equals(user))
			.orElseThrow(() -> ApiException.notFound("photo_not_found",
					"That photo does not exist or is not yours. Upload a photo first."));
		int cost = catalogue.price(model, model.choices().get(0), false);
		Generations.Accepted accepted = generations.accept(ModelKind.IMAGE, model, user, cost,
				"Image at " + location.name(),
				id -> images.insert(id.value(), user, photo.id(), location.slug(), cost, model.id()));
		return new Started(accepted.id().value(), "pending", model.id(), cost, accepted.credits());
	}

}
