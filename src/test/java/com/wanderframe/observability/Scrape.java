package com.wanderframe.observability;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One scrape of {@code /actuator/prometheus}: the value of a sample by name and labels. */
record Scrape(String text) {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)$",
			Pattern.MULTILINE);

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** The sum of the samples called {@code name} whose labels include all of {@code labels}; 0 when none. */
	double value(String name, String... labels) {
		Map<String, String> wanted = new java.util.HashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		double sum = 0;
		Matcher sample = SAMPLE.matcher(text);
		while (sample.find()) {
			if (!sample.group(1).equals(name)) {
				continue;
			}
			Map<String, String> have = sample.group(3) == null ? Map.of() : LABEL.matcher(sample.group(3))
				.results()
				.collect(Collectors.toMap(label -> label.group(1), label -> label.group(2)));
			if (have.entrySet().containsAll(wanted.entrySet())) {
				sum += Double.parseDouble(sample.group(4));
			}
		}
		return sum;
	}

	boolean has(String name) {
		return Pattern.compile("^" + Pattern.quote(name) + "[ {]", Pattern.MULTILINE).matcher(text).find();
	}

}
