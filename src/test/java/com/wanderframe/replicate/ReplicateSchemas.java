package com.wanderframe.replicate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The input schemas the fake Replicate enforces, written from each model's API page on
 * replicate.com (not from our catalogue, so a mistake there shows up here): an input the model
 * does not take, of the wrong type or outside its allowed values is answered with 422, as
 * Replicate does.
 */
final class ReplicateSchemas {

	enum Type {

		STRING, INTEGER, BOOLEAN, URI, URI_ARRAY

	}

	record Field(Type type, boolean required, Set<Object> allowed) {
	}

	private static final Map<String, Map<String, Field>> SCHEMAS = Map.of(
			"minimax/hailuo-02", schema(
					required("prompt", Type.STRING), optional("first_frame_image", Type.URI),
					optional("last_frame_image", Type.URI), oneOf("duration", Type.INTEGER, 6, 10),
					oneOf("resolution", Type.STRING, "512p", "768p", "1080p"), optional("prompt_optimizer", Type.BOOLEAN)),
			"minimax/hailuo-2.3", schema(
					required("prompt", Type.STRING), optional("first_frame_image", Type.URI),
					oneOf("duration", Type.INTEGER, 6, 10), oneOf("resolution", Type.STRING, "768p", "1080p"),
					optional("prompt_optimizer", Type.BOOLEAN)),
			"kwaivgi/kling-v2.1", schema(
					required("prompt", Type.STRING), required("start_image", Type.URI), optional("end_image", Type.URI),
					oneOf("mode", Type.STRING, "standard", "pro"), oneOf("duration", Type.INTEGER, 5, 10),
					optional("negative_prompt", Type.STRING)),
			"bytedance/seedance-1-pro", schema(
					required("prompt", Type.STRING), optional("image", Type.URI), optional("last_frame_image", Type.URI),
					oneOf("duration", Type.INTEGER, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
					oneOf("resolution", Type.STRING, "480p", "720p", "1080p"),
					oneOf("aspect_ratio", Type.STRING, "16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "9:21"),
					oneOf("fps", Type.INTEGER, 24), optional("camera_fixed", Type.BOOLEAN), optional("seed", Type.INTEGER)),
			"google/veo-3-fast", schema(
					required("prompt", Type.STRING), optional("image", Type.URI), oneOf("duration", Type.INTEGER, 8),
					oneOf("resolution", Type.STRING, "720p", "1080p"), oneOf("aspect_ratio", Type.STRING, "16:9", "9:16"),
					optional("negative_prompt", Type.STRING), optional("generate_audio", Type.BOOLEAN),
					optional("seed", Type.INTEGER)),
			"black-forest-labs/flux-kontext-pro", schema(
					required("prompt", Type.STRING), optional("input_image", Type.URI),
					oneOf("aspect_ratio", Type.STRING, "match_input_image", "1:1", "16:9", "9:16", "4:3", "3:4", "3:2",
							"2:3", "4:5", "5:4", "21:9", "9:21", "2:1", "1:2"),
					oneOf("output_format", Type.STRING, "jpg", "png"), oneOf("safety_tolerance", Type.INTEGER, 0, 1, 2),
					optional("seed", Type.INTEGER), optional("prompt_upsampling", Type.BOOLEAN)),
			"google/nano-banana", schema(
					required("prompt", Type.STRING), optional("image_input", Type.URI_ARRAY),
					oneOf("output_format", Type.STRING, "jpg", "png")),
			"bytedance/seedream-4", schema(
					required("prompt", Type.STRING), optional("image_input", Type.URI_ARRAY),
					oneOf("size", Type.STRING, "1K", "2K", "4K", "custom"),
					oneOf("aspect_ratio", Type.STRING, "match_input_image", "1:1", "4:3", "3:4", "16:9", "9:16", "3:2",
							"2:3", "21:9"),
					optional("width", Type.INTEGER), optional("height", Type.INTEGER),
					optional("max_images", Type.INTEGER), optional("sequential_image_generation", Type.STRING)));

	private ReplicateSchemas() {
	}

	@SafeVarargs
	private static Map<String, Field> schema(Map.Entry<String, Field>... fields) {
		Map<String, Field> schema = new LinkedHashMap<>();
		for (Map.Entry<String, Field> field : fields) {
			schema.put(field.getKey(), field.getValue());
		}
		return schema;
	}

	private static Map.Entry<String, Field> required(String name, Type type) {
		return Map.entry(name, new Field(type, true, Set.of()));
	}

	private static Map.Entry<String, Field> optional(String name, Type type) {
		return Map.entry(name, new Field(type, false, Set.of()));
	}

	private static Map.Entry<String, Field> oneOf(String name, Type type, Object... allowed) {
		return Map.entry(name, new Field(type, false, Set.of(allowed)));
	}

	/** The invalid fields of {@code input} for {@code model}, as Replicate lists them; empty when valid or unknown. */
	static List<String> problems(String model, JsonNode input) {
		Map<String, Field> schema = SCHEMAS.get(model);
		List<String> problems = new ArrayList<>();
		if (schema == null) {
			return problems;
		}
		for (String name : input.propertyNames()) {
			Field field = schema.get(name);
			JsonNode value = input.get(name);
			if (field == null) {
				problems.add("input: Additional property " + name + " is not allowed");
			}
			else if (!typed(field.type(), value)) {
				problems.add(name + ": Invalid type. Expected: " + field.type().name().toLowerCase());
			}
			else if (!field.allowed().isEmpty() && !field.allowed().contains(scalar(field.type(), value))) {
				problems.add(name + ": " + name + " must be one of the following: " + field.allowed());
			}
		}
		schema.forEach((name, field) -> {
			if (field.required() && !input.has(name)) {
				problems.add("input: " + name + " is required");
			}
		});
		return problems;
	}

	static Optional<Set<String>> fields(String model) {
		return Optional.ofNullable(SCHEMAS.get(model)).map(Map::keySet);
	}

	private static boolean typed(Type type, JsonNode value) {
		return switch (type) {
			case STRING -> value.isString();
			case INTEGER -> value.isIntegralNumber();
			case BOOLEAN -> value.isBoolean();
			case URI -> value.isString() && uri(value.asString());
			case URI_ARRAY -> {
				if (!value.isArray()) {
					yield false;
				}
				for (JsonNode item : value) {
					if (!item.isString() || !uri(item.asString())) {
						yield false;
					}
				}
				yield true;
			}
		};
	}

	private static boolean uri(String value) {
		return value.startsWith("data:") || value.startsWith("https://") || value.startsWith("http://");
	}

	private static Object scalar(Type type, JsonNode value) {
		return type == Type.INTEGER ? (Object) value.asInt() : value.asString();
	}

}
