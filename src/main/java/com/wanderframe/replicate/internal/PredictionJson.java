package com.wanderframe.replicate.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.PredictionStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Replicate's prediction JSON, as the API answers it and as webhooks deliver it. */
final class PredictionJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** tqdm-style progress ("45%|####") and plain "45%" alike; the last one in the logs wins. */
	private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})(?:\\.\\d+)?\\s?%");

	private PredictionJson() {
	}

	/** @throws IllegalArgumentException when the JSON is not a prediction */
	static Prediction parse(byte[] json) {
		JsonNode node;
		try {
			node = JSON.readTree(json);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Not JSON", ex);
		}
		return parse(node);
	}

	static Prediction parse(JsonNode node) {
		String id = text(node, "id");
		String status = text(node, "status");
		if (id == null || status == null) {
			throw new IllegalArgumentException("A prediction needs an id and a status");
		}
		PredictionStatus parsed;
		try {
			parsed = PredictionStatus.of(status);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown prediction status '" + status + "'", ex);
		}
		return new Prediction(id, text(node, "model"), parsed, outputs(node.get("output")), text(node, "error"),
				progress(text(node, "logs")));
	}

	/** A string, an array of strings, or nothing; anything that is not a URI (text output) is left out. */
	private static List<URI> outputs(JsonNode output) {
		List<URI> uris = new ArrayList<>();
		if (output == null || output.isNull()) {
			return uris;
		}
		if (output.isArray()) {
			output.forEach(item -> addUri(uris, item));
		}
		else {
			addUri(uris, output);
		}
		return uris;
	}

	private static void addUri(List<URI> uris, JsonNode item) {
		if (!item.isString()) {
			return;
		}
		try {
			URI uri = new URI(item.asString());
			if (uri.getScheme() != null) {
				uris.add(uri);
			}
		}
		catch (java.net.URISyntaxException notAUri) {
			// text output of a language model: not a file we can fetch
		}
	}

	static Integer progress(String logs) {
		if (logs == null || logs.isEmpty()) {
			return null;
		}
		Matcher matcher = PERCENT.matcher(logs);
		Integer last = null;
		while (matcher.find()) {
			last = Math.min(100, Integer.parseInt(matcher.group(1)));
		}
		return last;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

}
