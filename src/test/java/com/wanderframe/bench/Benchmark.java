package com.wanderframe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.wanderframe.video.internal.render.RenderBench;

import org.springframework.util.FileSystemUtils;

/**
 * The benchmark: {@code ./mvnw -B -Pbench verify} (the README's "Benchmark" section). Not a
 * test and not part of {@code verify} without the profile. Every figure is measured beside its
 * reference in the same run, because absolute times on a shared machine drift; medians of
 * {@code -Dbench.samples} (default 5) after a warm-up. Prints one table and writes
 * {@code target/bench/results.json} (and the table as {@code results.md}).
 * <p>
 * {@code -Dbench.sections=render,throughput,generate,live,pages} picks sections;
 * {@code -Dbench.window=3} sets the seconds of each load window (5 windows per load);
 * {@code -Dbench.people}, {@code -Dbench.generations}, {@code -Dbench.followers} (200, 200, 1000)
 * shrink the load while developing.
 */
public final class Benchmark {

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			run();
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			status = 1;
		}
		// FakeReplicate's server and the HTTP clients keep threads; the run is over either way
		System.exit(status);
	}

	private static void run() throws Exception {
		int samples = Integer.getInteger("bench.samples", 5);
		int window = Integer.getInteger("bench.window", 3);
		Set<String> sections = Set.of(System.getProperty("bench.sections", "render,throughput,generate,live,pages")
			.split(","));
		Path out = Path.of(System.getProperty("bench.out", "target/bench"));
		Path work = out.resolve("work");
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Results results = new Results();
		System.out.printf("Benchmark on %d cores, load average %s, %d samples per figure%n",
				Runtime.getRuntime().availableProcessors(), Results.loadAverage(), samples);
		Path json = out.resolve("results.json");
		try {
			// the app's sections first, then the renderer alone (the app stopped)
			if (sections.stream().anyMatch(List.of("throughput", "generate", "live", "pages")::contains)) {
				try (AppBench app = new AppBench(results, samples, Files.createDirectories(work.resolve("app")))) {
					section(results, json, "setup", () -> app.signUp(Integer.getInteger("bench.people", 200)));
					if (sections.contains("generate")) {
						section(results, json, "generate", () -> app.generate(5, window));
					}
					if (sections.contains("live")) {
						section(results, json, "live", () -> app.liveStatus(Integer.getInteger("bench.generations", 200),
								Integer.getInteger("bench.followers", 1000)));
					}
					if (sections.contains("pages")) {
						section(results, json, "pages", app::pages);
					}
					if (sections.contains("throughput")) {
						section(results, json, "throughput", app::throughput);
					}
				}
			}
			if (sections.contains("render")) {
				section(results, json, "render",
						() -> RenderBench.run(results, samples, Files.createDirectories(work.resolve("render"))));
			}
		}
		finally {
			results.finish(json);
		}
		if (!Boolean.getBoolean("bench.keep")) {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	interface Section {

		void run() throws Exception;

	}

	private static void section(Results results, Path json, String name, Section section) {
		long start = System.nanoTime();
		System.out.printf("[%s] starting (load %s)%n", name, Results.loadAverage());
		try {
			section.run();
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			results.failed(name, ex);
		}
		System.out.printf("[%s] done in %.0f s%n", name, (System.nanoTime() - start) / 1e9);
		results.write(json); // what is measured so far survives a run cut short
	}

}
