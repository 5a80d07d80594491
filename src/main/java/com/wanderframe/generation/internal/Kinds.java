package com.wanderframe.generation.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.wanderframe.generation.GenerationKind;
import com.wanderframe.generation.ModelKind;

import org.springframework.stereotype.Component;

/** The modules that make generations, by kind. */
@Component
class Kinds {

	private final Map<ModelKind, GenerationKind> kinds = new EnumMap<>(ModelKind.class);

	Kinds(List<GenerationKind> kinds) {
		for (GenerationKind kind : kinds) {
			if (this.kinds.put(kind.kind(), kind) != null) {
				throw new IllegalStateException("Two modules make " + kind.kind().value() + " generations");
			}
		}
	}

	GenerationKind get(ModelKind kind) {
		GenerationKind found = kinds.get(kind);
		if (found == null) {
			throw new IllegalStateException("No module makes " + kind.value() + " generations");
		}
		return found;
	}

	Iterable<GenerationKind> all() {
		return kinds.values();
	}

}
