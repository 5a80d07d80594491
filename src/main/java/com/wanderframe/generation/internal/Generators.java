package com.wanderframe.generation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wanderframe.generation.Generator;
import com.wanderframe.generation.Model;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.media.MediaStore;
import com.wanderframe.replicate.ReplicateClient;

import org.springframework.stereotype.Component;

/**
 * The generator for each catalogue model: local ones are the modules' beans, every Replicate
 * model is a {@link ReplicateGenerator} reading its catalogue entry. A row keeps its model, so
 * it finds its generator across configuration changes.
 */
@Component
class Generators {

	private final Map<String, Generator> byModel = new HashMap<>();

	Generators(List<Generator> local, ReplicateClient replicate, MediaStore media) {
		for (Generator generator : local) {
			byModel.put(generator.model(), generator);
		}
		for (ModelKind kind : ModelKind.values()) {
			for (Model model : ModelCatalogue.all(kind)) {
				if (model.local()) {
					if (!byModel.containsKey(model.id())) {
						throw new IllegalStateException("No generator for the local model " + model.id());
					}
				}
				else {
					byModel.put(model.id(), new ReplicateGenerator(model, replicate, media));
				}
			}
		}
	}

	Generator forModel(String model) {
		Generator generator = byModel.get(model);
		if (generator == null) {
			throw new IllegalStateException("No generator for model " + model);
		}
		return generator;
	}

}
