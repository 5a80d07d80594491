package com.wanderframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar `./mvnw package` made, which the *IT tests run as the operator would. */
final class PackagedJar {

	private PackagedJar() {
	}

	static Path path() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files
				.filter(path -> path.toString().endsWith(".jar") && !path.toString().endsWith("-plain.jar"))
				.toList();
			assertThat(jars).as("the packaged jar").hasSize(1);
			return jars.get(0).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
