package com.wanderframe.media;

import java.net.http.HttpRequest;
import java.util.Arrays;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a browser's {@code <img>} and {@code <video>} fetch media: whole, in byte ranges for
 * seeking, and revalidated from cache.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MediaServingTests {

	@LocalServerPort
	int port;

	ApiClient client;

	String url;

	byte[] whole;

	@BeforeEach
	void uploadAPhoto() {
		client = ApiClient.signedUp(port);
		ApiClient.Response upload = new Studio(client).uploadPhoto(Studio.selfieJpeg(640, 480), "me.jpg",
				"image/jpeg");
		url = upload.json().path("url").asString();
		whole = client.get(url).bytes();
	}

	@Test
	void theWholeFileComesWithValidatorsPrivateCachingAndRangeSupport() {
		ApiClient.Response response = client.get(url);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(whole.length));
		assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
		assertThat(response.header("ETag")).startsWith("\"");
		assertThat(response.header("Last-Modified")).isNotBlank();
		assertThat(response.raw().headers().allValues("Cache-Control")).singleElement()
			.asString()
			.contains("private")
			.doesNotContain("public", "no-store");
		assertThat(response.header("Pragma")).isNull();
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("Content-Disposition")).startsWith("inline");
		assertThat(response.bytes()).isEqualTo(whole);
	}

	@Test
	void aByteRangeIsAnsweredWithJustThoseBytes() {
		ApiClient.Response response = client.send(client.request(url).header("Range", "bytes=100-299").GET());

		assertThat(response.status()).isEqualTo(206);
		assertThat(response.header("Content-Range")).isEqualTo("bytes 100-299/" + whole.length);
		assertThat(response.header("Content-Length")).isEqualTo("200");
		assertThat(response.bytes()).isEqualTo(Arrays.copyOfRange(whole, 100, 300));
	}

	@Test
	void openEndedAndSuffixRangesWork() {
		ApiClient.Response tail = client.send(client.request(url).header("Range", "bytes=-50").GET());
		ApiClient.Response rest = client
			.send(client.request(url).header("Range", "bytes=" + (whole.length - 10) + "-").GET());

		assertThat(tail.status()).isEqualTo(206);
		assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 50, whole.length));
		assertThat(rest.status()).isEqualTo(206);
		assertThat(rest.header("Content-Range"))
			.isEqualTo("bytes " + (whole.length - 10) + "-" + (whole.length - 1) + "/" + whole.length);
		assertThat(rest.bytes()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 10, whole.length));
	}

	@Test
	void aRangeBeyondTheEndIsUnsatisfiable() {
		ApiClient.Response response = client
			.send(client.request(url).header("Range", "bytes=" + whole.length + "-").GET());

		assertThat(response.status()).isEqualTo(416);
		assertThat(response.header("Content-Range")).isEqualTo("bytes */" + whole.length);
	}

	@Test
	void aStaleIfRangeGetsTheWholeFile() {
		ApiClient.Response response = client
			.send(client.request(url).header("Range", "bytes=0-9").header("If-Range", "\"something-else\"").GET());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.bytes()).isEqualTo(whole);
	}

	@Test
	void aCachedCopyIsConfirmedWithoutSendingItAgain() {
		String etag = client.get(url).header("ETag");

		ApiClient.Response response = client.send(client.request(url).header("If-None-Match", etag).GET());

		assertThat(response.status()).isEqualTo(304);
		assertThat(response.bytes()).isEmpty();
		assertThat(response.header("ETag")).isEqualTo(etag);
		assertThat(response.header("Cache-Control")).contains("private");
	}

	@Test
	void anOutdatedCachedCopyGetsTheFile() {
		ApiClient.Response response = client
			.send(client.request(url).header("If-None-Match", "\"an-old-version\"").GET());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.bytes()).isEqualTo(whole);
	}

	@Test
	void headAnswersWithTheHeadersOnly() {
		ApiClient.Response response = client
			.send(client.request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(whole.length));
		assertThat(response.bytes()).isEmpty();
	}

}
