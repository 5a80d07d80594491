package com.wanderframe.apidocs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The API page's content, read from the OpenAPI description ({@code /v3/api-docs}) so the page
 * and the description can never disagree: the endpoints grouped by tag in the order the
 * description lists them, each with its parameters, body and responses, then the schemas.
 * Markdown in descriptions is reduced to what ours use, {@code `code`} spans.
 */
record ApiReference(String title, String version, List<Text> description, List<Group> groups, List<SchemaDoc> schemas) {

	/** A run of text, shown as code or not. */
	record Text(String text, boolean code) {
	}

	record Group(String name, String anchor, List<OperationDoc> operations) {
	}

	record OperationDoc(String method, String path, String anchor, String summary, List<Text> description,
			List<ParameterDoc> parameters, List<BodyDoc> body, List<ResponseDoc> responses) {
	}

	record ParameterDoc(String name, String in, boolean required, String type, List<Text> description) {
	}

	/** A body in one media type; {@code schema} names a schema of the page (at {@code schemaAnchor}), when it is one. */
	record BodyDoc(String mediaType, String type, String schema, String schemaAnchor) {
	}

	record ResponseDoc(String status, List<Text> description, List<BodyDoc> bodies) {
	}

	record PropertyDoc(String name, String type, boolean required, List<Text> description) {
	}

	record SchemaDoc(String name, String anchor, List<Text> description, List<PropertyDoc> properties) {
	}

	private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete", "head", "options");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final String REF = "#/components/schemas/";

	static ApiReference of(JsonNode api) {
		Map<String, List<OperationDoc>> byTag = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().path(method);
				if (operation.isMissingNode()) {
					continue;
				}
				String tag = operation.path("tags").path(0).asString("Other");
				byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(operation(method, path.getKey(), operation));
			}
		}
		List<Group> groups = byTag.entrySet()
			.stream()
			.map(group -> new Group(group.getKey(), "tag-" + slug(group.getKey()), List.copyOf(group.getValue())))
			.toList();
		List<SchemaDoc> schemas = new ArrayList<>();
		for (Map.Entry<String, JsonNode> schema : api.path("components").path("schemas").properties()) {
			List<String> required = strings(schema.getValue().path("required"));
			List<PropertyDoc> properties = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
				properties.add(new PropertyDoc(property.getKey(), type(property.getValue()),
						required.contains(property.getKey()), text(property.getValue().path("description").asString(""))));
			}
			schemas.add(new SchemaDoc(schema.getKey(), schemaAnchor(schema.getKey()),
					text(schema.getValue().path("description").asString("")), List.copyOf(properties)));
		}
		return new ApiReference(api.path("info").path("title").asString("API"), api.path("info").path("version").asString(""),
				text(api.path("info").path("description").asString("")), groups, List.copyOf(schemas));
	}

	private static OperationDoc operation(String method, String path, JsonNode operation) {
		List<ParameterDoc> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			parameters.add(new ParameterDoc(parameter.path("name").asString(), parameter.path("in").asString(),
					parameter.path("required").asBoolean(false), type(parameter.path("schema")),
					text(parameter.path("description").asString(""))));
		}
		List<ResponseDoc> responses = new ArrayList<>();
		for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
			responses.add(new ResponseDoc(response.getKey(), text(response.getValue().path("description").asString("")),
					bodies(response.getValue().path("content"))));
		}
		return new OperationDoc(method.toUpperCase(Locale.ROOT), path, "op-" + method + "-" + slug(path),
				operation.path("summary").asString(""), text(operation.path("description").asString("")),
				List.copyOf(parameters), bodies(operation.path("requestBody").path("content")), List.copyOf(responses));
	}

	private static List<BodyDoc> bodies(JsonNode content) {
		List<BodyDoc> bodies = new ArrayList<>();
		for (Map.Entry<String, JsonNode> media : content.properties()) {
			JsonNode schema = media.getValue().path("schema");
			String ref = schema.path("$ref").asString("");
			String name = ref.startsWith(REF) ? ref.substring(REF.length()) : null;
			bodies.add(new BodyDoc(media.getKey(), type(schema), name, name == null ? null : schemaAnchor(name)));
		}
		return List.copyOf(bodies);
	}

	/** A schema in words: its type, an array's items, a reference's name, an enumeration's values. */
	private static String type(JsonNode schema) {
		if (schema.isMissingNode() || schema.isEmpty()) {
			return "";
		}
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith(REF)) {
			return ref.substring(REF.length());
		}
		String type = schema.path("type").asString("");
		if (type.isEmpty() && schema.path("type").isArray()) {
			type = String.join(" or ", strings(schema.path("type")));
		}
		if ("array".equals(type)) {
			return "array of " + type(schema.path("items"));
		}
		String format = schema.path("format").asString("");
		List<String> values = strings(schema.path("enum"));
		return type + (format.isEmpty() ? "" : " (" + format + ")")
				+ (values.isEmpty() ? "" : ": one of " + String.join(", ", values));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	static String schemaAnchor(String name) {
		return "schema-" + slug(name);
	}

	private static String slug(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/** Text with its {@code `code`} spans apart, for the template to escape and mark up. */
	static List<Text> text(String markdown) {
		List<Text> runs = new ArrayList<>();
		Matcher code = CODE.matcher(markdown);
		int at = 0;
		while (code.find()) {
			if (code.start() > at) {
				runs.add(new Text(markdown.substring(at, code.start()), false));
			}
			runs.add(new Text(code.group(1), true));
			at = code.end();
		}
		if (at < markdown.length()) {
			runs.add(new Text(markdown.substring(at), false));
		}
		return List.copyOf(runs);
	}

}
