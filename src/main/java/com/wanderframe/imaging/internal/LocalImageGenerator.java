package com.wanderframe.imaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import com.wanderframe.generation.Failure;
import com.wanderframe.generation.GenerationFailedException;
import com.wanderframe.generation.GenerationInputs;
import com.wanderframe.generation.GenerationJob;
import com.wanderframe.generation.Generator;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.location.Location;
import com.wanderframe.location.Locations;
import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaStore;
import com.wanderframe.segmentation.PersonSegmentation;

import org.springframework.stereotype.Component;

/** The catalogue's {@code local/compositor}: the adapter between the engine and {@link LocalCompositor}. */
@Component
class LocalImageGenerator implements Generator {

	private final LocalCompositor compositor;

	private final Locations locations;

	private final MediaStore media;

	LocalImageGenerator(Locations locations, PersonSegmentation segmentation, MediaStore media) {
		this.compositor = new LocalCompositor(locations, segmentation);
		this.locations = locations;
		this.media = media;
	}

	@Override
	public String model() {
		return ModelCatalogue.LOCAL_COMPOSITOR;
	}

	@Override
	public Step start(GenerationJob job) throws IOException {
		Location location = locations.find(job.inputs().context().get(ImagingKind.LOCATION))
			.orElseThrow(() -> new GenerationFailedException(Failure.Reason.SOURCE_UNAVAILABLE, "location gone"));
		String photoKey = job.inputs().images().get(GenerationInputs.SUBJECT);
		byte[] photo;
		try (InputStream in = media.open(photoKey)) {
			photo = in.readAllBytes();
		}
		catch (MediaNotFoundException ex) {
			throw new GenerationFailedException(Failure.Reason.SOURCE_UNAVAILABLE, "photo gone", ex);
		}
		Path target = job.workDir().resolve(job.id() + ".jpg");
		try {
			compositor.generate(new ImageGenerator.ImageRequest(job.id().value(),
					ImageGenerator.Photo.of(photo, media.stat(photoKey).contentType()), location, null,
					job.row().createdAt(), prediction -> {
					}), target);
		}
		catch (ImageGenerationException ex) {
			throw new GenerationFailedException(Failure.Reason.RENDER_FAILED, ex.code() + ": " + ex.getMessage(), ex);
		}
		return new Step.Produced(target);
	}

}
