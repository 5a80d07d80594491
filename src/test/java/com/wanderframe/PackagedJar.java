package com.wanderframe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar `package` built, for the {@code *IT} tests that run it as a separate process. */
final class PackagedJar {

	private PackagedJar() {
	}

	static Path path() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter(path -> path.toString().endsWith(".jar") && !path.toString().endsWith("-plain.jar"))
				.toList();
			assertThat(jars).as("the packaged jar").hasSize(1);
			return jars.get(0).toAbsolutePath();
		}
	}

}
