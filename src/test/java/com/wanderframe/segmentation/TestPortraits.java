package com.wanderframe.segmentation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Photographs that Debian packages ship, so tests use real pictures without fetching anything:
 * {@code python3-skimage} has NASA's public-domain portrait of astronaut Eileen Collins and a
 * photo of a cup of coffee (no person). {@code .ci/run} installs the package.
 */
public final class TestPortraits {

	public static final Path DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

	private TestPortraits() {
	}

	/** 512×512: the astronaut in an orange suit before a flag, a grey backdrop and a shuttle model. */
	public static Path astronautFile() {
		return require("astronaut.png");
	}

	public static BufferedImage astronaut() {
		return read(astronautFile());
	}

	/** 600×400: an espresso cup on a wooden table, nobody in it. */
	public static Path coffeeFile() {
		return require("coffee.png");
	}

	public static BufferedImage coffee() {
		return read(coffeeFile());
	}

	private static Path require(String name) {
		Path file = DATA.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " is missing: install Debian's python3-skimage "
					+ "(apt-get install -y python3-skimage), as .ci/run does");
		}
		return file;
	}

	private static BufferedImage read(Path file) {
		try {
			return ImageIO.read(file.toFile());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + file, ex);
		}
	}

}
