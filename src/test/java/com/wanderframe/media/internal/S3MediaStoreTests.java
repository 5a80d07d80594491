package com.wanderframe.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.wanderframe.media.MediaStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a real S3-protocol server, through the same client configuration the
 * application uses (endpoint, region, path-style access, static keys).
 */
class S3MediaStoreTests extends MediaStoreContract {

	static S3MockServer server;

	static S3Client client;

	static S3MediaStore store;

	@BeforeAll
	static void startServer() throws IOException {
		server = S3MockServer.start(Files.createTempDirectory("s3mock"), "wanderframe-media");
		client = MediaStoreConfiguration.s3Client(new MediaProperties.S3("wanderframe-media", server.endpoint(),
				"us-east-1", true, "test-key", "test-secret"));
		store = new S3MediaStore(client, "wanderframe-media");
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	@org.junit.jupiter.api.Test
	void aBucketThatIsNotThereIsReportedUnavailable() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new S3MediaStore(client, "no-such-bucket").checkAvailable())
			.isInstanceOf(IOException.class)
			.hasMessageNotContaining("test-secret");
	}

	@Override
	MediaStore store() {
		return store;
	}

}
