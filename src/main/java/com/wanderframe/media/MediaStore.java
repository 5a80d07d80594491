package com.wanderframe.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Bytes by key. Keys look like {@code photos/<user>/<id>.jpg}: lowercase letters, digits, '-',
 * '_', '.' and '/' separators, never {@code ..}. The local-disk store keeps them under the data
 * directory; the S3 store in a bucket. Writes are atomic: a reader sees the whole object or none.
 */
public interface MediaStore {

	void put(String key, Path source, String contentType) throws IOException;

	void put(String key, byte[] bytes, String contentType) throws IOException;

	/** @throws MediaNotFoundException when there is no such object */
	MediaObject stat(String key) throws IOException;

	/** @throws MediaNotFoundException when there is no such object */
	InputStream open(String key) throws IOException;

	/** Reads {@code length} bytes from {@code offset}, for HTTP Range requests. */
	InputStream open(String key, long offset, long length) throws IOException;

	/** Copies the object to a local file, e.g. for a decoder that needs a path. */
	void copyTo(String key, Path target) throws IOException;

	/** Removes the object; removing what is not there is not an error. */
	void delete(String key) throws IOException;

	boolean exists(String key) throws IOException;

	/**
	 * Every object whose key starts with {@code prefix}, in no particular order, for sweeps;
	 * close the stream. Its content types are those implied by the keys.
	 */
	Stream<MediaObject> list(String prefix) throws IOException;

	/**
	 * Proves the store answers now (the bucket is reachable with our keys, the directory is
	 * there and writable), for the readiness check; cheap enough to call every few seconds.
	 *
	 * @throws IOException saying what is wrong, never with a secret in it
	 */
	void checkAvailable() throws IOException;

}
