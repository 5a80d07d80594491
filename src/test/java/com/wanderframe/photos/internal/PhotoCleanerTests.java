package com.wanderframe.photos.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.wanderframe.Studio;
import com.wanderframe.photos.TestImages;
import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.RetryableApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The photo we keep from what was uploaded, without the app around it: what is served (upright,
 * at most 2048 px, no metadata, JPEG unless it has transparency) and what is refused with which
 * problem. {@code PhotoUploadTests} shows the same through HTTP; these run in milliseconds, so
 * the mutation profile can afford them for every mutant.
 */
class PhotoCleanerTests {

	private static final long MIB = 1024 * 1024;

	@TempDir
	Path dir;

	private final PhotoCleaner cleaner = new PhotoCleaner(new DecodeBudget(256 * MIB, Duration.ofSeconds(5)));

	@Test
	void anUprightJpegWithAGpsPositionIsKeptWithoutItsExif() throws IOException {
		byte[] stored = TestImages.encode(TestImages.redOverBlue(640, 480, BufferedImage.TYPE_INT_RGB), "jpg");
		byte[] phonePhoto = TestImages.withExif(stored, 1, "Wanderframe secret spot");
		assertThat(exifSegments(phonePhoto)).as("the upload carries EXIF").isNotEmpty();

		Kept kept = clean(phonePhoto);

		assertThat(kept.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/jpeg", "jpg", 640, 480));
		assertThat(exifSegments(kept.bytes())).as("EXIF segments in what is kept").isEmpty();
		assertThat(new String(kept.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
			.doesNotContain("secret spot");
		assertThat(isRed(kept.picture().getRGB(320, 100))).isTrue();
		assertThat(isBlue(kept.picture().getRGB(320, 380))).isTrue();
	}

	@Test
	void aPhoneJpegStoredSidewaysIsTurnedUpright() throws IOException {
		// Stored landscape with "turn 90° clockwise to view": a portrait shot, as phones do it.
		byte[] stored = TestImages.encode(TestImages.redOverBlue(400, 200, BufferedImage.TYPE_INT_RGB), "jpg");

		Kept kept = clean(TestImages.withExif(stored, 6, "somewhere"));

		assertThat(kept.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/jpeg", "jpg", 200, 400));
		assertThat(kept.picture().getWidth()).isEqualTo(200);
		assertThat(kept.picture().getHeight()).isEqualTo(400);
		// The stored top (red) is now on the right, the stored bottom (blue) on the left.
		assertThat(isRed(kept.picture().getRGB(170, 200))).isTrue();
		assertThat(isBlue(kept.picture().getRGB(30, 200))).isTrue();
		assertThat(exifSegments(kept.bytes())).isEmpty();
	}

	@Test
	void aJpegUpsideDownIsTurnedTheRightWayUp() throws IOException {
		byte[] stored = TestImages.encode(TestImages.redOverBlue(300, 200, BufferedImage.TYPE_INT_RGB), "jpg");

		Kept kept = clean(TestImages.withExif(stored, 3, "somewhere"));

		assertThat(kept.cleaned().width()).isEqualTo(300);
		assertThat(kept.cleaned().height()).isEqualTo(200);
		assertThat(isBlue(kept.picture().getRGB(150, 30))).isTrue();
		assertThat(isRed(kept.picture().getRGB(150, 170))).isTrue();
	}

	@Test
	void pngAndWebpPhotosAreTurnedUprightByTheirExifAndKeptAsJpeg() throws IOException {
		byte[] png = TestImages.pngWithExif(
				TestImages.encode(TestImages.redOverBlue(120, 80, BufferedImage.TYPE_INT_RGB), "png"), 6, "somewhere");
		byte[] webp = TestImages.redOverBlueWebp(120, 80, 6, "somewhere");

		for (byte[] file : List.of(png, webp)) {
			Kept kept = clean(file);

			assertThat(kept.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/jpeg", "jpg", 80, 120));
			assertThat(new String(kept.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("somewhere");
			assertThat(isRed(kept.picture().getRGB(70, 60))).isTrue();
			assertThat(isBlue(kept.picture().getRGB(10, 60))).isTrue();
		}
	}

	@Test
	void photosWithoutAnOrientationOrWithANonsenseOneAreKeptAsStored() throws IOException {
		byte[] jpeg = TestImages.encode(TestImages.redOverBlue(300, 200, BufferedImage.TYPE_INT_RGB), "jpg");
		byte[] png = TestImages.encode(TestImages.redOverBlue(300, 200, BufferedImage.TYPE_INT_RGB), "png");
		List<byte[]> files = List.of(jpeg, png, TestImages.redOverBlueWebp(300, 200),
				TestImages.withExif(jpeg, 0, "no such orientation"), TestImages.withExif(jpeg, 9, "nor this"));

		for (byte[] file : files) {
			Kept kept = clean(file);

			assertThat(kept.cleaned().width()).isEqualTo(300);
			assertThat(kept.cleaned().height()).isEqualTo(200);
			assertThat(isRed(kept.picture().getRGB(150, 30))).isTrue();
			assertThat(isBlue(kept.picture().getRGB(150, 170))).isTrue();
		}
	}

	@Test
	void aPngWithTransparencyStaysAPngWithItsTransparency() throws IOException {
		BufferedImage cutout = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < 50; y++) {
			for (int x = 0; x < 100; x++) {
				cutout.setRGB(x, y, 0xffff0000);
			}
		}

		Kept kept = clean(TestImages.encode(cutout, "png"));

		assertThat(kept.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/png", "png", 100, 100));
		assertThat(ImageFormat.sniff(kept.file())).isEqualTo(ImageFormat.PNG);
		assertThat(kept.picture().getRGB(50, 10)).isEqualTo(0xffff0000);
		assertThat(kept.picture().getRGB(50, 90) >>> 24).isZero();
	}

	@Test
	void aPngWithAnAlphaChannelButNoTransparentPixelIsKeptAsJpeg() throws IOException {
		BufferedImage opaque = TestImages.redOverBlue(100, 80, BufferedImage.TYPE_INT_ARGB);

		Kept kept = clean(TestImages.encode(opaque, "png"));

		assertThat(kept.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/jpeg", "jpg", 100, 80));
		assertThat(ImageFormat.sniff(kept.file())).isEqualTo(ImageFormat.JPEG);
		assertThat(isRed(kept.picture().getRGB(50, 10))).isTrue();
		assertThat(isBlue(kept.picture().getRGB(50, 70))).isTrue();
	}

	@Test
	void aSingleTransparentPixelAnywhereKeepsThePhotoAPng() throws IOException {
		BufferedImage almostOpaque = TestImages.redOverBlue(100, 80, BufferedImage.TYPE_INT_ARGB);
		almostOpaque.setRGB(99, 79, 0x000000ff);

		Kept kept = clean(TestImages.encode(almostOpaque, "png"));

		assertThat(kept.cleaned().contentType()).isEqualTo("image/png");
		assertThat(kept.picture().getRGB(99, 79) >>> 24).isZero();
		assertThat(kept.picture().getRGB(0, 0)).isEqualTo(0xffff0000);
	}

	@Test
	void aBigPhotoIsScaledDownToAtMost2048PixelsOnItsLongSide() throws IOException {
		Kept landscape = clean(Studio.selfieJpeg(3000, 2000));
		Kept portrait = clean(TestImages.encode(TestImages.redOverBlue(1500, 4500, BufferedImage.TYPE_INT_RGB), "jpg"));

		assertThat(landscape.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/jpeg", "jpg", 2048, 1365));
		assertThat(landscape.picture().getWidth()).isEqualTo(2048);
		assertThat(landscape.picture().getHeight()).isEqualTo(1365);
		assertThat(portrait.cleaned().width()).isEqualTo(683);
		assertThat(portrait.cleaned().height()).isEqualTo(2048);
		assertThat(isRed(portrait.picture().getRGB(340, 500))).isTrue();
		assertThat(isBlue(portrait.picture().getRGB(340, 1500))).isTrue();
	}

	@Test
	void aPhotoJustAt2048PixelsKeepsItsSize() throws IOException {
		Kept kept = clean(TestImages.encode(TestImages.redOverBlue(2048, 1000, BufferedImage.TYPE_INT_RGB), "jpg"));

		assertThat(kept.cleaned().width()).isEqualTo(2048);
		assertThat(kept.cleaned().height()).isEqualTo(1000);
	}

	@Test
	void aVeryWidePanoramaIsScaledDownFromEveryOtherPixelToTheSameSize() throws IOException {
		// Over twice the final size on its long side, so only every second pixel is decoded.
		byte[] panorama = TestImages.encode(TestImages.redOverBlue(8400, 600, BufferedImage.TYPE_BYTE_GRAY), "jpg");

		Kept kept = clean(panorama);

		assertThat(kept.cleaned().width()).isEqualTo(2048);
		assertThat(kept.cleaned().height()).isEqualTo(146);
		assertThat(kept.picture().getWidth()).isEqualTo(2048);
		assertThat(kept.picture().getHeight()).isEqualTo(146);
	}

	@Test
	void aPngBombIsRefusedFromItsHeader() {
		byte[] bomb = TestImages.pngBomb();
		assertThat(bomb.length).isLessThan(64 * 1024);

		ApiException refused = refused(bomb);

		assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.code()).isEqualTo("photo_too_many_pixels");
		assertThat(refused.getMessage()).contains("50000 × 50000");
	}

	@Test
	void aPhotoOfMoreThan40MegapixelsIsRefusedAndOneOfExactly40IsNot() throws IOException {
		ApiException refused = refused(
				TestImages.encode(new BufferedImage(8000, 5001, BufferedImage.TYPE_BYTE_GRAY), "jpg"));
		Kept kept = clean(TestImages.encode(new BufferedImage(8000, 5000, BufferedImage.TYPE_BYTE_GRAY), "jpg"));

		assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.code()).isEqualTo("photo_too_many_pixels");
		assertThat(refused.getMessage()).contains("8000 × 5001");
		assertThat(kept.cleaned().width()).isEqualTo(2048);
		assertThat(kept.cleaned().height()).isEqualTo(1280);
	}

	@Test
	void aSmallFileThatWouldTakeHundredsOfMegabytesToOpenIsRefusedWithTheFigures() {
		// 6000 x 6000 pixels of 16-bit RGBA: 36 megapixels (under the pixel limit) but 288 MB decoded.
		ApiException refused = refused(TestImages.png16BitRgba(6000, 6000, 0, 0, 0, 0));

		assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.code()).isEqualTo("photo_too_large_to_decode");
		assertThat(refused.getMessage()).contains("274 MB").contains("6000 × 6000").contains("8 bytes per pixel")
			.contains("the most is 152 MB");
	}

	@Test
	void aSixteenBitPngThatFitsIsKeptAt8BitsPerChannel() throws IOException {
		byte[] png = TestImages.png16BitRgba(64, 48, 0xffff, 0, 0, 0xffff);

		Kept kept = clean(png);

		assertThat(kept.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/jpeg", "jpg", 64, 48));
		assertThat(kept.picture().getColorModel().getComponentSize(0)).isEqualTo(8);
		assertThat(isRed(kept.picture().getRGB(32, 24))).isTrue();
	}

	@Test
	void filesThatAreNoPhotoOfOursAreRefusedAsUnsupported() {
		byte[] gif = TestImages.encode(TestImages.redOverBlue(50, 50, BufferedImage.TYPE_INT_RGB), "gif");

		for (byte[] file : List.of(gif, TestImages.pdf())) {
			ApiException refused = refused(file);

			assertThat(refused.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(refused.code()).isEqualTo("unsupported_media_type");
		}
	}

	@Test
	void aTruncatedJpegIsRefusedRatherThanKeptHalfGrey() {
		byte[] jpeg = Studio.selfieJpeg(800, 1000);

		ApiException refused = refused(Arrays.copyOf(jpeg, jpeg.length * 6 / 10));

		assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.code()).isEqualTo("photo_unreadable");
	}

	@Test
	void photosWithGarbageForPixelsOrHeadersAreRefusedAsUnreadable() {
		byte[] jpeg = Studio.selfieJpeg(400, 300);
		byte[] noise = new byte[jpeg.length];
		new Random(7).nextBytes(noise);
		System.arraycopy(jpeg, 0, noise, 0, 3);
		byte[] png = TestImages.encode(TestImages.redOverBlue(60, 40, BufferedImage.TYPE_INT_RGB), "png");
		byte[] pngWithoutPixels = Arrays.copyOf(png, 8 + 4 + 4 + 13 + 4);
		byte[] webp = TestImages.redOverBlueWebp(60, 40);

		for (byte[] file : List.of(noise, pngWithoutPixels, Arrays.copyOf(webp, 20))) {
			ApiException refused = refused(file);

			assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(refused.code()).isEqualTo("photo_unreadable");
		}
	}

	@Test
	void whileOtherPhotosHoldTheDecodeMemoryAPhotoIsToldToComeBack() throws IOException {
		DecodeBudget budget = new DecodeBudget(64 * MIB, Duration.ofMillis(50));
		PhotoCleaner busy = new PhotoCleaner(budget);
		byte[] photo = TestImages.encode(TestImages.redOverBlue(640, 480, BufferedImage.TYPE_INT_RGB), "jpg");
		// Decoding a photo takes about 49 MiB of the budget, whatever its size: three copies of the
		// final 2048 x 2048 pixels at most, plus its own decoded pixels (here 640 x 480 x 3 bytes).
		DecodeBudget.Lease others = budget.reserve(16 * MIB);

		RetryableApiException refused = catchThrowableOfType(RetryableApiException.class,
				() -> busy.clean(write(photo), dir.resolve("busy.img")));

		assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.code()).isEqualTo("busy_try_again");
		others.close();
		DecodeBudget.Lease fewer = budget.reserve(12 * MIB);
		assertThat(busy.clean(write(photo), dir.resolve("fits.img")).width()).isEqualTo(640);
		fewer.close();
	}

	@Test
	void photosCleanedOneAfterAnotherEachGetTheirShareBack() throws IOException {
		// A budget smaller than any photo's share: each photo takes all of it, alone.
		PhotoCleaner oneAtATime = new PhotoCleaner(new DecodeBudget(MIB, Duration.ofMillis(50)));
		byte[] photo = TestImages.encode(TestImages.redOverBlue(64, 48, BufferedImage.TYPE_INT_RGB), "jpg");

		for (int i = 0; i < 3; i++) {
			assertThat(oneAtATime.clean(write(photo), dir.resolve("photo-" + i + ".img")).width()).isEqualTo(64);
		}
		assertThat(refusedBy(oneAtATime, TestImages.pdf()).code()).isEqualTo("unsupported_media_type");
		assertThat(refusedBy(oneAtATime, TestImages.pngBomb()).code()).isEqualTo("photo_too_many_pixels");
		assertThat(oneAtATime.clean(write(photo), dir.resolve("after-refusals.img")).width())
			.as("a refused photo gives its share back too").isEqualTo(64);
	}

	private record Kept(PhotoCleaner.Cleaned cleaned, Path file, byte[] bytes, BufferedImage picture) {
	}

	private Kept clean(byte[] upload) throws IOException {
		Path target = Files.createTempFile(dir, "photo-", ".img");
		PhotoCleaner.Cleaned cleaned = cleaner.clean(write(upload), target);
		byte[] bytes = Files.readAllBytes(target);
		return new Kept(cleaned, target, bytes, TestImages.decode(bytes));
	}

	private ApiException refused(byte[] upload) {
		return refusedBy(cleaner, upload);
	}

	private ApiException refusedBy(PhotoCleaner cleaner, byte[] upload) {
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> cleaner.clean(write(upload), dir.resolve("refused.img")));
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.getMessage()).isNotBlank();
		return refused;
	}

	private Path write(byte[] upload) throws IOException {
		return Files.write(Files.createTempFile(dir, "upload-", ".bin"), upload);
	}

	private static List<?> exifSegments(byte[] jpeg) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			return JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
		}
	}

	private static boolean isRed(int rgb) {
		return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60;
	}

	private static boolean isBlue(int rgb) {
		return ((rgb >> 16) & 0xff) < 60 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) > 200;
	}

}
