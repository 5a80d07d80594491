package com.wanderframe.photos.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
	void aHugePanoramaIsOpenedAtEveryOtherPixelSoItCostsAQuarterOfTheMemory() throws IOException {
		// 39.5 megapixels of grey, 8400 pixels wide: decoded whole, 39.5 MB for the pixels and as
		// much again for the first scaled copy; decoded at every other pixel, a quarter of each.
		Path panorama = write(
				TestImages.encode(TestImages.redOverBlue(8400, 4700, BufferedImage.TYPE_BYTE_GRAY), "jpg"));
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();

		long before = threads.getCurrentThreadAllocatedBytes();
		PhotoCleaner.Cleaned cleaned = cleaner.clean(panorama, dir.resolve("panorama.img"));
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;

		assertThat(cleaned.width()).isEqualTo(2048);
		assertThat(cleaned.height()).isEqualTo(1146);
		assertThat(allocated).as("bytes allocated to clean it").isLessThan(70L * 1000 * 1000);
	}

	@Test
	void aHugePanoramasShareOfTheDecodeBudgetCountsOnlyThePixelsItDecodes() throws IOException {
		DecodeBudget budget = new DecodeBudget(96 * MIB, Duration.ofMillis(50));
		PhotoCleaner busy = new PhotoCleaner(budget);
		// 4200 x 2350 grey pixels decoded (9.9 MB), its halving steps (13.2 MB) and three copies of
		// the final 2048 x 2048 pixels (48 MiB): 70.0 MiB, not the 137 MiB of every pixel.
		Path panorama = write(
				TestImages.encode(TestImages.redOverBlue(8400, 4700, BufferedImage.TYPE_BYTE_GRAY), "jpg"));
		DecodeBudget.Lease others = budget.reserve(27 * MIB);

		RetryableApiException refused = catchThrowableOfType(RetryableApiException.class,
				() -> busy.clean(panorama, dir.resolve("busy.img")));

		assertThat(refused).as("refused while 27 of 96 MiB are held").isNotNull();
		others.close();
		DecodeBudget.Lease fewer = budget.reserve(25 * MIB);
		assertThat(busy.clean(panorama, dir.resolve("fits.img")).width()).isEqualTo(2048);
		fewer.close();
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
	void aPhotoThatTakesExactlyTheMostMemoryToOpenIsKept() throws IOException {
		// 8000 x 5000 pixels of 8-bit RGBA: 40 megapixels, 160,000,000 bytes decoded, both the limits.
		Kept kept = clean(TestImages.png8BitRgba(8000, 5000, 255, 0, 0, 255));

		assertThat(kept.cleaned()).isEqualTo(new PhotoCleaner.Cleaned("image/jpeg", "jpg", 2048, 1280));
		assertThat(isRed(kept.picture().getRGB(1024, 640))).isTrue();
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
	void aPhotoCutOffRightAfterItsSignatureIsRefusedAsDamagedNotAsTheWrongFormat() {
		// An upload that broke off after its first bytes: the person is told the photo is
		// damaged (try again), not that a JPEG or PNG is a format we do not take.
		byte[] jpegSignature = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };
		byte[] pngSignature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

		for (byte[] file : List.of(jpegSignature, pngSignature)) {
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

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void everyOrientationAPhoneTagsAJpegWithIsFollowed(int orientation) throws IOException {
		BufferedImage stored = quadrants(160, 80);

		Kept kept = clean(TestImages.withExif(TestImages.encode(stored, "jpg"), orientation, "somewhere"));

		// What a camera's viewer shows for the tag (ExifOrientationTests checks that pixel by pixel).
		BufferedImage shown = ExifOrientation.apply(stored, orientation);
		assertThat(kept.cleaned().width()).isEqualTo(shown.getWidth());
		assertThat(kept.cleaned().height()).isEqualTo(shown.getHeight());
		for (int qy = 0; qy < 2; qy++) {
			for (int qx = 0; qx < 2; qx++) {
				int x = shown.getWidth() * (1 + 2 * qx) / 4;
				int y = shown.getHeight() * (1 + 2 * qy) / 4;
				assertThat(colourName(kept.picture().getRGB(x, y))).as("orientation %d at %d,%d", orientation, x, y)
					.isEqualTo(colourName(shown.getRGB(x, y)));
			}
		}
	}

	@Test
	void aWebpWhoseWriterKeptTheExifIdentifierIsTurnedUprightToo() throws IOException {
		byte[] identifier = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		byte[] tiff = TestImages.exif(6, "somewhere");
		byte[] block = Arrays.copyOf(identifier, identifier.length + tiff.length);
		System.arraycopy(tiff, 0, block, identifier.length, tiff.length);

		Kept kept = clean(TestImages.redOverBlueWebpWithExifChunk(120, 80, block));

		assertThat(kept.cleaned().width()).isEqualTo(80);
		assertThat(kept.cleaned().height()).isEqualTo(120);
		assertThat(isRed(kept.picture().getRGB(70, 60))).isTrue();
		assertThat(isBlue(kept.picture().getRGB(10, 60))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void fineStripesAreScaledDownToAnEvenGreyNotToMoire(boolean upright) throws IOException {
		// A finely striped shirt: black and white stripes one pixel wide, upright or lying, on a
		// photo almost three times too wide.
		BufferedImage stripes = new BufferedImage(6000, 400, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < stripes.getHeight(); y++) {
			for (int x = 0; x < stripes.getWidth(); x++) {
				if ((upright ? x : y) % 2 == 1) {
					stripes.setRGB(x, y, 0xffffffff);
				}
			}
		}

		Kept kept = clean(TestImages.encode(stripes, "png"));

		assertThat(kept.cleaned().width()).isEqualTo(2048);
		assertThat(kept.cleaned().height()).isEqualTo(137);
		int darkest = 255;
		int lightest = 0;
		for (int y = 10; y < 127; y++) {
			for (int x = 10; x < 2038; x++) {
				int grey = kept.picture().getRGB(x, y) & 0xff;
				darkest = Math.min(darkest, grey);
				lightest = Math.max(lightest, grey);
			}
		}
		// Each halving step averages neighbouring stripes: 128 everywhere, where one big step would
		// pick some stripes more than others and paint bands of light and dark.
		assertThat(darkest).as("darkest grey").isGreaterThan(110);
		assertThat(lightest).as("lightest grey").isLessThan(146);
	}

	@Test
	void aFineTextureKeepsItsContrastWhenAPhotoIsScaledDownInOneStep() throws IOException {
		// A woven fabric, in grey waves four pixels apart, on a photo too small to be halved on
		// the way to 2048 px: the one scaling step is all there is. Bicubic keeps 0.90 of the
		// texture's contrast (off by 6.5 levels of 255 on average, JPEG included); bilinear, which
		// Java2D also falls back to when no interpolation is asked for, keeps 0.78 (off by 14), a
		// fabric that looks visibly washed out next to the original. 0.85 and 10 split the two.
		int period = 4;
		BufferedImage fabric = new BufferedImage(3000, 600, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < fabric.getHeight(); y++) {
			for (int x = 0; x < fabric.getWidth(); x++) {
				int grey = (int) Math.round(128 + 100 * Math.sin(2 * Math.PI * x / period));
				fabric.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
			}
		}

		Kept kept = clean(TestImages.encode(fabric, "jpg"));

		assertThat(kept.cleaned().width()).isEqualTo(2048);
		assertThat(kept.cleaned().height()).isEqualTo(410);
		double contrast = 0;
		double expectedContrast = 0;
		double error = 0;
		int pixels = 0;
		for (int y = 10; y < 400; y++) {
			for (int x = 10; x < 2038; x++) {
				// Where this pixel's centre falls on the original, and the fabric's grey there.
				double original = (x + 0.5) * 3000 / 2048 - 0.5;
				double expected = 128 + 100 * Math.sin(2 * Math.PI * original / period);
				int grey = kept.picture().getRGB(x, y) & 0xff;
				contrast += Math.abs(grey - 128);
				expectedContrast += Math.abs(expected - 128);
				error += Math.abs(grey - expected);
				pixels++;
			}
		}
		assertThat(contrast / expectedContrast).as("share of the texture's contrast kept").isGreaterThan(0.85);
		assertThat(error / pixels).as("levels off on average").isLessThan(10.0);
	}

	@Test
	void aDetailedPhotoIsKeptCloseToTheOriginal() throws IOException {
		BufferedImage detailed = detailed(512, 384);

		Kept kept = clean(TestImages.encode(detailed, "png"));

		// At JPEG quality 0.9 it is off by 4.3 levels (of 255) on average; at ImageIO's default of
		// 0.75 it would be 5.5, with the blocks and smeared colour that shows on a face.
		assertThat(meanAbsoluteError(detailed, kept.picture())).isLessThan(5.0);
	}

	@Test
	void aTwelveMegapixelPhotoTakesAboutNinetyEightMibibytesOfTheDecodeBudget() throws IOException {
		DecodeBudget budget = new DecodeBudget(128 * MIB, Duration.ofMillis(50));
		PhotoCleaner busy = new PhotoCleaner(budget);
		// 4000 x 3000 pixels of 3 bytes decoded (36 MB), its halving steps (16 MB) and three copies
		// of the final 2048 x 2048 pixels (48 MiB): 97.6 MiB.
		Path photo = write(TestImages.encode(TestImages.redOverBlue(4000, 3000, BufferedImage.TYPE_INT_RGB), "jpg"));
		DecodeBudget.Lease others = budget.reserve(31 * MIB);

		RetryableApiException refused = catchThrowableOfType(RetryableApiException.class,
				() -> busy.clean(photo, dir.resolve("busy.img")));

		assertThat(refused).as("refused while 31 of 128 MiB are held").isNotNull();
		assertThat(refused.code()).isEqualTo("busy_try_again");
		others.close();
		DecodeBudget.Lease fewer = budget.reserve(29 * MIB);
		assertThat(busy.clean(photo, dir.resolve("fits.img")).width()).isEqualTo(2048);
		fewer.close();
	}

	@Test
	void aJpegWithStrayBytesBeforeItsEndIsKeptNotTakenForATruncatedOne() throws IOException {
		byte[] jpeg = TestImages.encode(TestImages.redOverBlue(200, 100, BufferedImage.TYPE_INT_RGB), "jpg");
		byte[] stray = new byte[jpeg.length + 3];
		System.arraycopy(jpeg, 0, stray, 0, jpeg.length - 2);
		stray[jpeg.length - 2] = 0x11;
		stray[jpeg.length - 1] = 0x22;
		stray[jpeg.length] = 0x33;
		stray[jpeg.length + 1] = (byte) 0xff;
		stray[jpeg.length + 2] = (byte) 0xd9;

		Kept kept = clean(stray);

		assertThat(kept.cleaned().width()).isEqualTo(200);
		assertThat(isRed(kept.picture().getRGB(100, 20))).isTrue();
		assertThat(isBlue(kept.picture().getRGB(100, 80))).isTrue();
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

	private static BufferedImage quadrants(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				boolean left = x < width / 2;
				boolean top = y < height / 2;
				image.setRGB(x, y, top ? (left ? 0xff0000 : 0x00ff00) : (left ? 0x0000ff : 0xffffff));
			}
		}
		return image;
	}

	private static String colourName(int rgb) {
		boolean red = ((rgb >> 16) & 0xff) > 128;
		boolean green = ((rgb >> 8) & 0xff) > 128;
		boolean blue = (rgb & 0xff) > 128;
		return (red ? "red" : "") + (green ? "green" : "") + (blue ? "blue" : "");
	}

	/** Colour waves of several sizes in each direction, as much detail as a photo of leaves. */
	private static BufferedImage detailed(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int r = (int) (128 + 100 * Math.sin(x / 3.0) * Math.cos(y / 7.0));
				int g = (int) (128 + 100 * Math.sin((x + y) / 5.0));
				int b = (int) (128 + 100 * Math.cos(x / 11.0 - y / 2.0));
				image.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		return image;
	}

	private static double meanAbsoluteError(BufferedImage expected, BufferedImage actual) {
		long sum = 0;
		for (int y = 0; y < expected.getHeight(); y++) {
			for (int x = 0; x < expected.getWidth(); x++) {
				int e = expected.getRGB(x, y);
				int a = actual.getRGB(x, y);
				for (int shift = 0; shift <= 16; shift += 8) {
					sum += Math.abs(((e >> shift) & 0xff) - ((a >> shift) & 0xff));
				}
			}
		}
		return (double) sum / (3L * expected.getWidth() * expected.getHeight());
	}

	private static boolean isRed(int rgb) {
		return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60;
	}

	private static boolean isBlue(int rgb) {
		return ((rgb >> 16) & 0xff) < 60 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) > 200;
	}

}
