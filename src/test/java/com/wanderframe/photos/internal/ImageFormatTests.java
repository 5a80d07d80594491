package com.wanderframe.photos.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A photo is what its first bytes say, whatever its name or declared type claims. */
class ImageFormatTests {

	@TempDir
	Path dir;

	@Test
	void theThreeFormatsAreRecognisedByTheirSignatures() throws IOException {
		assertThat(ImageFormat.sniff(file("a.bin", 0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).isEqualTo(ImageFormat.JPEG);
		assertThat(ImageFormat.sniff(file("b.bin", 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13)))
			.isEqualTo(ImageFormat.PNG);
		assertThat(ImageFormat.sniff(file("c.bin", 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P')))
			.isEqualTo(ImageFormat.WEBP);
		assertThat(ImageFormat.sniff(file("cut.jpg", 0xff, 0xd8, 0xff))).as("a JPEG cut off after its signature")
			.isEqualTo(ImageFormat.JPEG);
		assertThat(ImageFormat.sniff(file("cut.png", 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n')))
			.as("a PNG cut off after its signature")
			.isEqualTo(ImageFormat.PNG);
		assertThat(ImageFormat.JPEG.imageIoName()).isEqualTo("jpeg");
		assertThat(ImageFormat.WEBP.imageIoName()).isEqualTo("webp");
	}

	@Test
	void aFileThatOnlyLooksLikeAPhotoIsNone() throws IOException {
		Path script = dir.resolve("holiday.jpg");
		Files.writeString(script, "<script>alert(1)</script>", StandardCharsets.UTF_8);

		assertThat(ImageFormat.sniff(script)).as("a name is not a format").isNull();
		assertThat(ImageFormat.sniff(file("wave.webp", 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E')))
			.as("another RIFF file").isNull();
		assertThat(ImageFormat.sniff(file("gif.png", 'G', 'I', 'F', '8', '9', 'a', 0, 0))).isNull();
		assertThat(ImageFormat.sniff(file("short.jpg", 0xff, 0xd8))).as("two bytes of a JPEG are not one").isNull();
		assertThat(ImageFormat.sniff(file("almost.jpg", 0xff, 0xd8, 0x00, 0xe0))).isNull();
		assertThat(ImageFormat.sniff(file("almost.png", 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, 0))).isNull();
		assertThat(ImageFormat.sniff(file("cut.png", 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a))).isNull();
		assertThat(ImageFormat.sniff(file("cut.webp", 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B'))).isNull();
		assertThat(ImageFormat.sniff(file("empty.jpg"))).isNull();
	}

	private Path file(String name, int... bytes) throws IOException {
		byte[] content = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			content[i] = (byte) bytes[i];
		}
		return Files.write(dir.resolve(name), content);
	}

}
