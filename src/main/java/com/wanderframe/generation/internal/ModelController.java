package com.wanderframe.generation.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.wanderframe.generation.Model;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.platform.ApiException;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What this deployment offers, straight from the catalogue: the studio's pickers read this. */
@RestController
class ModelController {

	/** How many recent finished generations the typical time is the median of. */
	private static final int RECENT = 20;

	private final ModelCatalogue catalogue;

	private final Kinds kinds;

	ModelController(ModelCatalogue catalogue, Kinds kinds) {
		this.catalogue = catalogue;
		this.kinds = kinds;
	}

	/** In a transaction: request queries run only inside one (row-level security fails closed). */
	@GetMapping("/api/models")
	@Transactional(readOnly = true)
	List<ModelView> models(@RequestParam(required = false) String kind) {
		List<ModelKind> wanted;
		if (kind == null || kind.isBlank()) {
			wanted = List.of(ModelKind.values());
		}
		else {
			try {
				wanted = List.of(ModelKind.of(kind.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest("invalid_kind", "The kind is image or video.");
			}
		}
		return wanted.stream().flatMap(k -> catalogue.offered(k).stream()).map(this::view).toList();
	}

	private ModelView view(Model model) {
		Map<String, Integer> costs = new LinkedHashMap<>();
		for (Model.Choice choice : model.choices()) {
			costs.put(choice.key(), catalogue.price(model, choice, false));
			if (model.audio() != null) {
				costs.put(choice.key() + "-audio", catalogue.price(model, choice, true));
			}
		}
		Duration typical = kinds.get(model.kind()).table().typicalTime(model.id(), RECENT).orElse(model.typicalTime());
		boolean video = model.kind() == ModelKind.VIDEO;
		return new ModelView(model.id(), model.kind().value(), model.name(), model.description(), model.provider(),
				video ? model.durations() : null, video ? model.resolutions() : null,
				model.aspectRatio() == null ? null : model.aspectRatio().values(), model.endFrame() != null,
				model.endFrame() == null || model.endFrame().onlyAt().isEmpty() ? null
						: List.copyOf(model.endFrame().onlyAt()),
				model.audio() != null, model.promptOptimizer() != null, model.negativePrompt() != null, costs,
				catalogue.defaultModel(model.kind()).id().equals(model.id()), wholeSeconds(typical));
	}

	/** Rounded up, and never "0 s": a model that answers in moments still takes a moment. */
	private static long wholeSeconds(Duration typical) {
		return Math.max(1, (typical.toMillis() + 999) / 1000);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ModelView(String id, String kind, String name, String description, String provider,
			List<Integer> durations, List<String> resolutions, List<String> aspectRatios, boolean endFrame,
			List<String> endFrameResolutions, boolean audio, boolean promptOptimizer, boolean negativePrompt,
			Map<String, Integer> costs, @JsonProperty("default") boolean isDefault, long typicalSeconds) {
	}

}
