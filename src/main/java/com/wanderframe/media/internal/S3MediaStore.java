package com.wanderframe.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.util.stream.Stream;

import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaObject;
import com.wanderframe.media.MediaStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media in an S3-compatible bucket. A PUT is atomic on S3 itself (an object appears whole or not
 * at all), so no temporary objects are needed. SDK failures surface as {@link IOException}s like
 * the local store's, so callers handle one kind of failure.
 */
class S3MediaStore implements MediaStore {

	private final S3Client s3;

	private final String bucket;

	S3MediaStore(S3Client s3, String bucket) {
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	public void put(String key, Path source, String contentType) throws IOException {
		MediaKeys.validate(key);
		call(key, () -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(typeOr(key, contentType)),
				RequestBody.fromFile(source)));
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) throws IOException {
		MediaKeys.validate(key);
		call(key, () -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(typeOr(key, contentType)),
				RequestBody.fromBytes(bytes)));
	}

	@Override
	public MediaObject stat(String key) throws IOException {
		MediaKeys.validate(key);
		HeadObjectResponse head = call(key, () -> s3.headObject(request -> request.bucket(bucket).key(key)));
		return new MediaObject(key, head.contentLength(), typeOr(key, head.contentType()), head.lastModified());
	}

	@Override
	public InputStream open(String key) throws IOException {
		MediaKeys.validate(key);
		return call(key, () -> s3.getObject(request -> request.bucket(bucket).key(key)));
	}

	@Override
	public InputStream open(String key, long offset, long length) throws IOException {
		MediaKeys.validate(key);
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException("offset and length must not be negative");
		}
		if (length == 0) {
			stat(key);
			return InputStream.nullInputStream();
		}
		String range = "bytes=" + offset + "-" + (offset + length - 1);
		return call(key, () -> s3.getObject(request -> request.bucket(bucket).key(key).range(range)));
	}

	@Override
	public void copyTo(String key, Path target) throws IOException {
		try (InputStream in = open(key)) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		MediaKeys.validate(key);
		// S3 answers 204 for a key that is not there, matching "removing nothing is fine".
		call(key, () -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
	}

	@Override
	public boolean exists(String key) throws IOException {
		try {
			stat(key);
			return true;
		}
		catch (MediaNotFoundException ex) {
			return false;
		}
	}

	@Override
	public Stream<MediaObject> list(String prefix) throws IOException {
		return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
			.contents()
			.stream()
			.map(object -> new MediaObject(object.key(), object.size(), MediaKeys.contentTypeOf(object.key()),
					object.lastModified()));
	}

	@Override
	public void checkAvailable() throws IOException {
		call(bucket, () -> s3.headBucket(request -> request.bucket(bucket)));
	}

	private static String typeOr(String key, String contentType) {
		return contentType == null || contentType.isBlank() ? MediaKeys.contentTypeOf(key) : contentType;
	}

	private static <T> T call(String key, SdkCall<T> call) throws IOException {
		try {
			return call.run();
		}
		catch (NoSuchKeyException ex) {
			throw new MediaNotFoundException(key);
		}
		catch (S3Exception ex) {
			// HEAD has no body to carry a NoSuchKey code: a bare 404 it is.
			if (ex.statusCode() == 404) {
				throw new MediaNotFoundException(key);
			}
			throw new IOException("S3 refused " + key + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new IOException("S3 failed for " + key + ": " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface SdkCall<T> {

		T run();

	}

}
