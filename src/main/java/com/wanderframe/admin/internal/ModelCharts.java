package com.wanderframe.admin.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-model charts, drawn by the app as SVG (no script, no CDN, nothing for the CSP to
 * allow): for each model, the share of its generations that completed per day, and the median
 * and 95th-percentile time per day. Every bar carries its figure as text and the two time series
 * differ by fill pattern (solid and hatched) as well as by shade, so nothing depends on colour.
 * The geometry is computed here so the template only places what it is given; a charting
 * library would mean a script and its own styles for two kinds of bar chart.
 */
final class ModelCharts {

	static final int WIDTH = 640;

	static final int HEIGHT = 230;

	private static final int LEFT = 44;

	private static final int RIGHT = 8;

	private static final int TOP = 22;

	private static final int BOTTOM = 190;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private ModelCharts() {
	}

	record Bar(double x, double y, double width, double height, String label, String value, double valueY) {
	}

	record Tick(double x, String label) {
	}

	record GridLine(double y, String label) {
	}

	record Chart(String title, String description, List<Bar> bars, List<Bar> secondBars, List<Tick> days,
			List<GridLine> grid) {
	}

	record Day(LocalDate day, int ended, int completed, int failed, Integer successPercent, Double p50, Double p95) {

		public String p50Label() {
			return seconds(p50);
		}

		public String p95Label() {
			return seconds(p95);
		}

	}

	record ModelReport(String id, String kind, String model, int ended, int completed, int failed,
			Integer successPercent, Double worstP95, Chart success, Chart times, List<Day> days) {
	}

	static List<ModelReport> build(List<Dashboard.ModelDay> rows, LocalDate today, int daysBack) {
		Map<String, List<Dashboard.ModelDay>> byModel = new LinkedHashMap<>();
		for (Dashboard.ModelDay row : rows) {
			byModel.computeIfAbsent(row.kind() + " " + row.model(), key -> new ArrayList<>()).add(row);
		}
		List<ModelReport> reports = new ArrayList<>();
		int index = 0;
		for (List<Dashboard.ModelDay> modelRows : byModel.values()) {
			Dashboard.ModelDay first = modelRows.get(0);
			List<Day> days = new ArrayList<>();
			for (int back = daysBack - 1; back >= 0; back--) {
				LocalDate day = today.minusDays(back);
				Dashboard.ModelDay row = modelRows.stream().filter(r -> r.day().equals(day)).findFirst().orElse(null);
				days.add(row == null ? new Day(day, 0, 0, 0, null, null, null)
						: new Day(day, row.ended(), row.completed(), row.failed(), row.successPercent(),
								row.p50Seconds(), row.p95Seconds()));
			}
			int ended = days.stream().mapToInt(Day::ended).sum();
			int completed = days.stream().mapToInt(Day::completed).sum();
			int failed = days.stream().mapToInt(Day::failed).sum();
			Double worstP95 = days.stream().map(Day::p95).filter(java.util.Objects::nonNull).max(Double::compare)
				.orElse(null);
			String name = first.kind() + " · " + first.model();
			reports.add(new ModelReport("model-" + index++, first.kind(), first.model(), ended, completed, failed,
					ended == 0 ? null : (int) Math.round(100.0 * completed / ended), worstP95,
					successChart(name, days), timesChart(name, days, worstP95), days));
		}
		return reports;
	}

	private static Chart successChart(String name, List<Day> days) {
		double slot = (WIDTH - LEFT - RIGHT) / (double) days.size();
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			Day day = days.get(i);
			double x = LEFT + i * slot + slot * 0.15;
			double height = day.successPercent() == null ? 0 : (BOTTOM - TOP) * day.successPercent() / 100.0;
			String value = day.successPercent() == null ? "–" : day.successPercent() + "%";
			bars.add(new Bar(x, BOTTOM - height, slot * 0.7, height, DAY.format(day.day()), value,
					Math.max(TOP + 10, BOTTOM - height - 4)));
		}
		List<GridLine> grid = List.of(new GridLine(BOTTOM, "0%"), new GridLine((TOP + BOTTOM) / 2.0, "50%"),
				new GridLine(TOP, "100%"));
		return new Chart("Success rate per day: " + name,
				"Share of the generations that ended on each of the last " + days.size()
						+ " days and completed; a dash means none ended that day.",
				bars, List.of(), ticks(days, slot), grid);
	}

	private static Chart timesChart(String name, List<Day> days, Double worst) {
		double slot = (WIDTH - LEFT - RIGHT) / (double) days.size();
		double max = worst == null || worst <= 0 ? 1 : niceCeiling(worst);
		List<Bar> p50 = new ArrayList<>();
		List<Bar> p95 = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			Day day = days.get(i);
			double x = LEFT + i * slot + slot * 0.1;
			double width = slot * 0.38;
			p50.add(timeBar(x, width, day.p50(), max, DAY.format(day.day())));
			p95.add(timeBar(x + width + slot * 0.04, width, day.p95(), max, DAY.format(day.day())));
		}
		List<GridLine> grid = List.of(new GridLine(BOTTOM, "0 s"), new GridLine((TOP + BOTTOM) / 2.0, seconds(max / 2)),
				new GridLine(TOP, seconds(max)));
		return new Chart("Generation time per day: " + name,
				"Median (solid bars) and 95th percentile (hatched bars) of the time from request to result of the"
						+ " generations that completed each day.",
				p50, p95, ticks(days, slot), grid);
	}

	private static Bar timeBar(double x, double width, Double value, double max, String label) {
		double height = value == null ? 0 : (BOTTOM - TOP) * Math.min(1, value / max);
		return new Bar(x, BOTTOM - height, width, height, label, value == null ? "" : seconds(value),
				Math.max(TOP + 10, BOTTOM - height - 4));
	}

	private static List<Tick> ticks(List<Day> days, double slot) {
		List<Tick> ticks = new ArrayList<>();
		// every other day, so the labels never overlap on a narrow chart
		for (int i = days.size() - 1; i >= 0; i -= 2) {
			ticks.add(new Tick(LEFT + i * slot + slot / 2, DAY.format(days.get(i).day())));
		}
		return ticks;
	}

	static String seconds(Double value) {
		if (value == null) {
			return "–";
		}
		if (value < 10) {
			return String.format(Locale.ROOT, "%.1f s", value);
		}
		if (value < 120) {
			return Math.round(value) + " s";
		}
		return String.format(Locale.ROOT, "%.1f min", value / 60);
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

}
