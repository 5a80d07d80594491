package com.wanderframe.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.account.ActingUser;
import com.wanderframe.platform.DataDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 1 as a person meets it: what they may upload, what they get back, and that nobody else
 * can see it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PhotoUploadTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataDirectory data;

	@Autowired
	Photos photos;

	@Test
	void aJpegSelfieIsKeptAndServedBackToItsOwner() {
		ApiClient client = ApiClient.signedUp(port);

		ApiClient.Response upload = new Studio(client).uploadPhoto(Studio.selfieJpeg(800, 1000), "me.jpg",
				"image/jpeg");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		JsonNode photo = upload.json();
		String id = photo.path("id").asString();
		assertThat(photo.path("width").asInt()).isEqualTo(800);
		assertThat(photo.path("height").asInt()).isEqualTo(1000);
		assertThat(photo.path("url").asString()).isEqualTo("/api/photos/" + id + "/content");
		assertThat(upload.header("Location")).endsWith("/api/photos/" + id);

		ApiClient.Response fetched = client.get("/api/photos/" + id);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().path("width").asInt()).isEqualTo(800);

		ApiClient.Response content = client.get(photo.path("url").asString());
		assertThat(content.status()).isEqualTo(200);
		assertThat(content.header("Content-Type")).isEqualTo("image/jpeg");
		BufferedImage served = TestImages.decode(content.bytes());
		assertThat(served.getWidth()).isEqualTo(800);
		assertThat(served.getHeight()).isEqualTo(1000);
		assertThat(uploadsInScratch()).as("the upload's working files, once it is kept").isEmpty();
	}

	@Test
	void aPhoneJpegIsTurnedUprightAndLosesItsLocationAndEveryOtherTag() throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		// Stored landscape with "turn 90° clockwise to view": a portrait shot, as phones do it.
		byte[] stored = TestImages.encode(TestImages.redOverBlue(400, 200, BufferedImage.TYPE_INT_RGB), "jpg");
		byte[] phonePhoto = TestImages.withExif(stored, 6, "Wanderframe secret spot");
		assertThat(exifSegments(phonePhoto)).isNotEmpty();

		ApiClient.Response upload = new Studio(client).uploadPhoto(phonePhoto, "IMG_0001.JPG", "image/jpeg");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		assertThat(upload.json().path("width").asInt()).isEqualTo(200);
		assertThat(upload.json().path("height").asInt()).isEqualTo(400);
		byte[] served = client.get(upload.json().path("url").asString()).bytes();
		assertThat(exifSegments(served)).isEmpty();
		String text = new String(served, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("Exif").doesNotContain("secret spot");
		BufferedImage upright = TestImages.decode(served);
		assertThat(upright.getWidth()).isEqualTo(200);
		assertThat(upright.getHeight()).isEqualTo(400);
		// The stored top (red) is now on the right, the stored bottom (blue) on the left.
		assertThat(isRed(upright.getRGB(170, 200))).isTrue();
		assertThat(isBlue(upright.getRGB(30, 200))).isTrue();
	}

	/**
	 * The common case, where nothing forces a re-encode: already upright (orientation 1) and
	 * small enough to keep its size. Its EXIF block, GPS position included, must go all the same.
	 */
	@Test
	void anUprightSmallJpegLosesItsGpsPositionToo() throws IOException {
		ApiClient client = ApiClient.signedUp(port);
		byte[] stored = TestImages.encode(TestImages.redOverBlue(640, 480, BufferedImage.TYPE_INT_RGB), "jpg");
		byte[] phonePhoto = TestImages.withExif(stored, 1, "Wanderframe secret spot");
		assertThat(gpsLatitude(phonePhoto)).as("the upload does carry a position").startsWith("N 48");

		ApiClient.Response upload = new Studio(client).uploadPhoto(phonePhoto, "IMG_0002.JPG", "image/jpeg");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		assertThat(upload.json().path("width").asInt()).isEqualTo(640);
		assertThat(upload.json().path("height").asInt()).isEqualTo(480);
		byte[] served = client.get(upload.json().path("url").asString()).bytes();
		assertThat(exifSegments(served)).as("EXIF segments in what is served").isEmpty();
		assertThat(gpsLatitude(served)).as("the position in what is served").isNull();
		assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("secret spot");
		BufferedImage picture = TestImages.decode(served);
		assertThat(isRed(picture.getRGB(320, 100))).isTrue();
		assertThat(isBlue(picture.getRGB(320, 380))).isTrue();
	}

	@Test
	void aBigPhotoIsScaledDownToAtMost2048PixelsOnItsLongSide() {
		ApiClient client = ApiClient.signedUp(port);

		ApiClient.Response upload = new Studio(client).uploadPhoto(Studio.selfieJpeg(3000, 2000), "big.jpg",
				"image/jpeg");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		assertThat(upload.json().path("width").asInt()).isEqualTo(2048);
		assertThat(upload.json().path("height").asInt()).isEqualTo(1365);
		BufferedImage served = TestImages.decode(client.get(upload.json().path("url").asString()).bytes());
		assertThat(served.getWidth()).isEqualTo(2048);
		assertThat(served.getHeight()).isEqualTo(1365);
	}

	@Test
	void aWebpPhotoIsAcceptedAndServedAsJpeg() {
		ApiClient client = ApiClient.signedUp(port);
		byte[] webp = TestImages.redOverBlueWebp(120, 80);

		ApiClient.Response upload = new Studio(client).uploadPhoto(webp, "photo.webp", "image/webp");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		assertThat(upload.json().path("width").asInt()).isEqualTo(120);
		assertThat(upload.json().path("height").asInt()).isEqualTo(80);
		ApiClient.Response content = client.get(upload.json().path("url").asString());
		assertThat(content.header("Content-Type")).isEqualTo("image/jpeg");
		BufferedImage served = TestImages.decode(content.bytes());
		assertThat(isRed(served.getRGB(60, 10))).isTrue();
		assertThat(isBlue(served.getRGB(60, 70))).isTrue();
	}

	@Test
	void pngAndWebpPhotosAreTurnedUprightByTheirExifToo() {
		ApiClient client = ApiClient.signedUp(port);
		byte[] png = TestImages.pngWithExif(
				TestImages.encode(TestImages.redOverBlue(120, 80, BufferedImage.TYPE_INT_RGB), "png"), 6, "somewhere");
		byte[] webp = TestImages.redOverBlueWebp(120, 80, 6, "somewhere");

		for (byte[] file : List.of(png, webp)) {
			ApiClient.Response upload = new Studio(client).uploadPhoto(file, "photo", "application/octet-stream");

			assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
			assertThat(upload.json().path("width").asInt()).isEqualTo(80);
			assertThat(upload.json().path("height").asInt()).isEqualTo(120);
			byte[] served = client.get(upload.json().path("url").asString()).bytes();
			assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("somewhere");
			BufferedImage upright = TestImages.decode(served);
			assertThat(isRed(upright.getRGB(70, 60))).isTrue();
			assertThat(isBlue(upright.getRGB(10, 60))).isTrue();
		}
	}

	@Test
	void anEmptyFileIsRefused() {
		assertRefused(new byte[0], "empty.jpg", "image/jpeg", 400, "photo_missing");
	}

	@Test
	void aPngWithTransparencyStaysAPngWithItsTransparency() {
		ApiClient client = ApiClient.signedUp(port);
		BufferedImage cutout = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < 50; y++) {
			for (int x = 0; x < 100; x++) {
				cutout.setRGB(x, y, 0xffff0000);
			}
		}

		ApiClient.Response upload = new Studio(client).uploadPhoto(TestImages.encode(cutout, "png"), "cutout.png",
				"image/png");

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		ApiClient.Response content = client.get(upload.json().path("url").asString());
		assertThat(content.header("Content-Type")).isEqualTo("image/png");
		BufferedImage served = TestImages.decode(content.bytes());
		assertThat(served.getRGB(50, 10)).isEqualTo(0xffff0000);
		assertThat(served.getRGB(50, 90) >>> 24).isZero();
	}

	@Test
	void aPngBombIsRefusedWithoutBeingDecoded() {
		byte[] bomb = TestImages.pngBomb();
		assertThat(bomb.length).isLessThan(64 * 1024);

		assertRefused(bomb, "bomb.png", "image/png", 422, "photo_too_many_pixels");
	}

	@Test
	void aPhotoOfMoreThan40MegapixelsIsRefused() {
		byte[] huge = TestImages.encode(new BufferedImage(8000, 5001, BufferedImage.TYPE_BYTE_GRAY), "jpg");

		assertRefused(huge, "huge.jpg", "image/jpeg", 422, "photo_too_many_pixels");
	}

	@Test
	void aGifIsRefusedAsUnsupported() {
		byte[] gif = TestImages.encode(TestImages.redOverBlue(50, 50, BufferedImage.TYPE_INT_RGB), "gif");

		assertRefused(gif, "anim.gif", "image/gif", 415, "unsupported_media_type");
	}

	@Test
	void aPdfRenamedToJpgIsRefusedAsUnsupported() {
		assertRefused(TestImages.pdf(), "holiday.jpg", "image/jpeg", 415, "unsupported_media_type");
	}

	@Test
	void aTruncatedJpegIsRefusedAsUnreadable() {
		byte[] jpeg = Studio.selfieJpeg(800, 1000);

		assertRefused(Arrays.copyOf(jpeg, jpeg.length * 6 / 10), "cut.jpg", "image/jpeg", 422, "photo_unreadable");
	}

	@Test
	void aJpegWithGarbageInsteadOfPixelsIsRefusedAsUnreadable() {
		byte[] jpeg = Studio.selfieJpeg(400, 300);
		byte[] garbage = new byte[jpeg.length];
		new Random(7).nextBytes(garbage);
		System.arraycopy(jpeg, 0, garbage, 0, 3);

		assertRefused(garbage, "noise.jpg", "image/jpeg", 422, "photo_unreadable");
	}

	@Test
	void aFileOver15MegabytesIsRefusedAsTooLarge() {
		byte[] big = new byte[15 * 1024 * 1024 + 1];
		new Random(15).nextBytes(big);
		big[0] = (byte) 0xff;
		big[1] = (byte) 0xd8;
		big[2] = (byte) 0xff;

		assertRefused(big, "big.jpg", "image/jpeg", 413, "photo_too_large");
	}

	@Test
	void aFarTooLargeUploadStillGetsAnAnswerRatherThanAResetConnection() {
		byte[] huge = new byte[40 * 1024 * 1024];

		assertRefused(huge, "huge.jpg", "image/jpeg", 413, "photo_too_large");
	}

	@Test
	void aRequestWithoutAFileIsRefused() {
		ApiClient client = ApiClient.signedUp(port);

		ApiClient.Response response = client.post("/api/photos", "{}");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aCutOffMultipartBodyIsAClientErrorNotAServerError() {
		ApiClient client = ApiClient.signedUp(port);

		ApiClient.Response response = client.send(client.request("/api/photos")
			.header("Content-Type", "multipart/form-data; boundary=expected-boundary")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("--expected-boundary\r\n"
					+ "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\ncut off here")));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("malformed_upload");
	}

	@Test
	void someoneElsesPhotoDoesNotExistForYou() {
		ApiClient alice = ApiClient.signedUp(port);
		ApiClient bob = ApiClient.signedUp(port);
		String id = new Studio(alice).uploadSelfie();

		ApiClient.Response metadata = bob.get("/api/photos/" + id);
		ApiClient.Response content = bob.get("/api/photos/" + id + "/content");

		assertThat(metadata.status()).isEqualTo(404);
		assertThat(metadata.code()).isEqualTo("photo_not_found");
		assertThat(content.status()).isEqualTo(404);
		assertThat(content.code()).isEqualTo("photo_not_found");
		assertThat(bob.get("/api/photos").json().path("total").asLong()).isZero();
		assertThat(alice.get("/api/photos/" + id + "/content").status()).isEqualTo(200);
	}

	@Test
	void photosCannotBeSeenWithoutSigningIn() {
		String id = new Studio(ApiClient.signedUp(port)).uploadSelfie();

		ApiClient.Response anonymous = new ApiClient(port).get("/api/photos/" + id + "/content");

		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void yourPhotosAreListedNewestFirst() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String first = studio.uploadSelfie();
		String second = studio.uploadSelfie();

		JsonNode list = client.get("/api/photos").json().path("items");

		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).path("id").asString()).isEqualTo(second);
		assertThat(list.get(1).path("id").asString()).isEqualTo(first);
		assertThat(list.get(0).path("url").asString()).isEqualTo("/api/photos/" + second + "/content");
	}

	@Test
	void everyPhotoCanBeReachedPageByPage() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		List<String> uploaded = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			uploaded.add(0, studio.uploadSelfie());
		}

		List<String> seen = new java.util.ArrayList<>();
		for (int page = 0; page < 3; page++) {
			JsonNode body = client.get("/api/photos?page=" + page + "&size=2").json();
			assertThat(body.path("total").asLong()).isEqualTo(5);
			assertThat(body.path("size").asInt()).isEqualTo(2);
			body.path("items").forEach(photo -> seen.add(photo.path("id").asString()));
		}

		assertThat(seen).isEqualTo(uploaded);
		assertThat(client.get("/api/photos?page=3&size=2").json().path("items").size()).isZero();
		assertThat(client.get("/api/photos?size=100").json().path("items").size()).as("the largest page").isEqualTo(5);
		assertThat(client.get("/api/photos?size=1").json().path("items").size()).as("the smallest page").isEqualTo(1);
		assertThat(client.get("/api/photos?size=101").code()).isEqualTo("invalid_size");
		assertThat(client.get("/api/photos?size=0").code()).isEqualTo("invalid_size");
		assertThat(client.get("/api/photos?page=-1").code()).isEqualTo("invalid_page");
	}

	@Test
	void deletingAPhotoRemovesItsFileButTheImagesMadeFromItKeepWorking() {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String imageId = studio.imageAtLocation();
		String photoId = client.get("/api/images/" + imageId).json().path("photoId").asString();
		UUID owner = userId(client);
		assertThat(filesUnderMedia()).anyMatch(path -> path.contains(photoId));
		ApiClient stranger = ApiClient.signedUp(port);

		assertThat(stranger.delete("/api/photos/" + photoId).code()).isEqualTo("photo_not_found");
		assertThat(client.get("/api/photos/" + photoId).status()).isEqualTo(200);
		ApiClient.Response deleted = client.delete("/api/photos/" + photoId);

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(client.get("/api/photos/" + photoId).code()).isEqualTo("photo_not_found");
		assertThat(client.get("/api/photos/" + photoId + "/content").status()).isEqualTo(404);
		assertThat(client.delete("/api/photos/" + photoId).status()).isEqualTo(404);
		assertThat(filesUnderMedia()).noneMatch(path -> path.contains(photoId));
		assertThat(jdbc.sql("SELECT count(*) FROM media_usage WHERE media_key LIKE ?")
			.param("photos/" + owner + "/%")
			.query(Long.class)
			.single()).isZero();
		ApiClient.Response image = client.get("/api/images/" + imageId + "/content");
		assertThat(image.status()).isEqualTo(200);
		assertThat(TestImages.decode(image.bytes())).isNotNull();
	}

	@Test
	void otherModulesFindAPhotoOnlyForItsOwner() {
		ApiClient alice = ApiClient.signedUp(port);
		UUID aliceId = userId(alice);
		UUID bobId = userId(ApiClient.signedUp(port));
		UUID photoId = UUID.fromString(new Studio(alice).uploadSelfie());

		PhotoRef ref = ActingUser.callAs(aliceId, () -> photos.find(new PhotoId(photoId))).orElseThrow();

		assertThat(ref.ownerId()).isEqualTo(aliceId);
		assertThat(ref.mediaKey()).isEqualTo("photos/" + aliceId + "/" + photoId + ".jpg");
		assertThat(ref.contentType()).isEqualTo("image/jpeg");
		assertThat(ref.width()).isEqualTo(800);
		assertThat(ref.height()).isEqualTo(1000);
		assertThat(ActingUser.callAs(bobId, () -> photos.find(new PhotoId(photoId)))).isEmpty();
	}

	private void assertRefused(byte[] file, String name, String declaredType, int status, String code) {
		ApiClient client = ApiClient.signedUp(port);
		UUID user = userId(client);

		ApiClient.Response response = new Studio(client).uploadPhoto(file, name, declaredType);

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo(code);
		assertThat(response.json().path("detail").asString()).isNotBlank();
		assertThat(jdbc.sql("SELECT count(*) FROM photos WHERE user_id = ?").param(user).query(Long.class).single())
			.isZero();
		assertThat(filesUnderMedia()).noneMatch(path -> path.contains(user.toString()))
			.noneMatch(path -> path.endsWith(".tmp"));
		assertThat(uploadsInScratch()).as("the upload's working files, once it is refused").isEmpty();
	}

	/**
	 * Uploads being cleaned (the file as sent, the photo as it will be kept) in the app's scratch
	 * space; each upload removes its own when it is answered, or the disk fills up photo by photo.
	 */
	private List<String> uploadsInScratch() {
		Path scratch = data.resolve("scratch");
		if (!Files.exists(scratch)) {
			return List.of();
		}
		// <scratch>/<instance>/<file>: not the directories of generations, which keep their own files.
		try (Stream<Path> files = Files.walk(scratch, 2)) {
			return files.filter(Files::isRegularFile)
				.map(path -> path.getFileName().toString())
				.filter(name -> name.startsWith("upload-") || name.startsWith("photo-"))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> filesUnderMedia() {
		Path media = data.resolve("media");
		if (!Files.exists(media)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(media)) {
			return files.filter(Files::isRegularFile).map(Path::toString).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static UUID userId(ApiClient client) {
		return UUID.fromString(client.get("/api/me").json().path("id").asString());
	}

	/**
	 * The GPS latitude an EXIF reader finds in the JPEG (reference, degrees, minutes, seconds), or null when it
	 * has no EXIF block or no position in it.
	 */
	private static String gpsLatitude(byte[] jpeg) throws IOException {
		for (JPEGSegment segment : exifSegmentList(jpeg)) {
			byte[] data = segment.data().readAllBytes();
			// The TIFF structure follows the identifier and its padding: find its byte-order mark.
			int start = 0;
			while (start < data.length - 1 && !(data[start] == data[start + 1] && (data[start] == 'I' || data[start] == 'M'))) {
				start++;
			}
			try (ImageInputStream tiff = ImageIO.createImageInputStream(
					new java.io.ByteArrayInputStream(data, start, data.length - start))) {
				Directory exif = new TIFFReader().read(tiff);
				Entry gpsPointer = exif.getEntryById(TIFF.TAG_GPS_IFD);
				if (gpsPointer != null && gpsPointer.getValue() instanceof Directory gps) {
					Entry ref = gps.getEntryById(1);
					Entry latitude = gps.getEntryById(2);
					if (latitude != null) {
						Object[] parts = (Object[]) latitude.getValue();
						return (ref == null ? "?" : ref.getValueAsString()) + " " + parts[0] + " " + parts[1] + " "
								+ parts[2];
					}
				}
			}
		}
		return null;
	}

	private static List<JPEGSegment> exifSegmentList(byte[] jpeg) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(jpeg))) {
			return JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
		}
	}

	private static List<?> exifSegments(byte[] jpeg) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(jpeg))) {
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
