package com.wanderframe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's figures, each beside the reference it is judged against, measured in the same
 * run: printed as one table and written as {@code target/bench/results.json}.
 */
public final class Results {

	/**
	 * One figure. {@code reference} is measured in the same run (or is the target bound itself
	 * when nothing else can be); {@code ratio} is value / reference; {@code met} is null when the
	 * figure has no target.
	 */
	public record Row(String section, String figure, double value, String unit, String referenceName,
			Double reference, Double ratio, String target, Boolean met, String note) {
	}

	private final List<Row> rows = new ArrayList<>();

	private final Map<String, Object> machine = new LinkedHashMap<>();

	private final Instant started = Instant.now();

	public Results() {
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("loadAverageAtStart", loadAverage());
		machine.put("java", System.getProperty("java.version"));
	}

	public static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	/** A figure with no target, beside an optional reference. */
	public synchronized void add(String section, String figure, double value, String unit, String referenceName,
			Double reference) {
		add(section, figure, value, unit, referenceName, reference, null, null);
	}

	/**
	 * A figure judged by its ratio to the reference ({@code ratio <= bound} when {@code atMost},
	 * else {@code ratio >= bound}) or, without a reference, by its value.
	 */
	public synchronized void add(String section, String figure, double value, String unit, String referenceName,
			Double reference, String target, Boolean met) {
		Double ratio = reference == null || reference == 0 ? null : value / reference;
		rows.add(new Row(section, figure, value, unit, referenceName, reference, ratio, target, met, null));
	}

	public synchronized void failed(String section, Throwable failure) {
		rows.add(new Row(section, "section failed", Double.NaN, "", null, null, null, null, false,
				abbreviated(failure.getClass().getSimpleName() + ": " + failure.getMessage())));
	}

	private static String abbreviated(String text) {
		String line = text.replaceAll("\\s+", " ");
		return line.length() > 100 ? line.substring(0, 100) + "…" : line;
	}

	public synchronized void note(String section, String figure, String note) {
		rows.add(new Row(section, figure, Double.NaN, "", null, null, null, null, null, note));
	}

	public synchronized List<Row> rows() {
		return List.copyOf(rows);
	}

	/** Prints the table and writes the JSON. */
	public synchronized void finish(Path json) {
		System.out.print(write(json));
		System.out.println("Written: " + json.toAbsolutePath());
	}

	/** Writes what is measured so far (the JSON and the table as Markdown), returning the table. */
	public synchronized String write(Path json) {
		machine.put("loadAverageAtEnd", loadAverage());
		machine.put("seconds", (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
		StringBuilder table = new StringBuilder();
		table.append(String.format("Wanderframe benchmark — %s cores, load at start %s, at end %s, %.0f s%n",
				machine.get("cores"), machine.get("loadAverageAtStart"), machine.get("loadAverageAtEnd"),
				machine.get("seconds")));
		String format = "| %-9s | %-44s | %12s | %-8s | %-34s | %12s | %7s | %-12s | %-4s |%n";
		table.append(String.format(format, "section", "figure", "value", "unit", "reference (same run)", "ref value",
				"ratio", "target", "met"));
		table.append(String.format(format, "---", "---", "---:", "---", "---", "---:", "---:", "---", "---"));
		for (Row row : rows) {
			table.append(String.format(format, row.section(), row.figure(),
					row.note() != null && Double.isNaN(row.value()) ? row.note() : number(row.value()), row.unit(),
					row.referenceName() == null ? "" : row.referenceName(),
					row.reference() == null ? "" : number(row.reference()),
					row.ratio() == null ? "" : String.format("%.2f", row.ratio()), row.target() == null ? "" : row.target(),
					row.met() == null ? "" : row.met() ? "yes" : "NO"));
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("machine", machine);
		document.put("rows", rows);
		try {
			Files.createDirectories(json.getParent());
			Files.writeString(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
			Files.writeString(json.resolveSibling("results.md"), table.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return table.toString();
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		double magnitude = Math.abs(value);
		return magnitude >= 1000 ? String.format("%.0f", value)
				: magnitude >= 100 ? String.format("%.1f", value) : String.format("%.3g", value);
	}

	// ---- statistics ----

	public static double median(double[] values) {
		return percentile(values, 50);
	}

	public static double median(List<Double> values) {
		return median(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	/** Nearest-rank percentile. */
	public static double percentile(double[] values, double percent) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

}
