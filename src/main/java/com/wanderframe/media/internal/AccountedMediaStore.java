package com.wanderframe.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.wanderframe.media.MediaObject;
import com.wanderframe.media.MediaStore;
import com.wanderframe.media.MediaUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The configured store, with every object under a person's key ({@code <kind>/<user>/...})
 * counted in {@code media_usage} as it is stored and removed, so a storage quota is one indexed
 * sum rather than a walk over the bucket. The count is written in a transaction (the caller's,
 * or its own), so on a request thread it runs under row-level security as the person.
 */
class AccountedMediaStore implements MediaStore, MediaUsage {

	private static final Logger log = LoggerFactory.getLogger(AccountedMediaStore.class);

	private static final Pattern OWNED = Pattern
		.compile("[a-z0-9_-]+/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.+");

	private final MediaStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	AccountedMediaStore(MediaStore store, JdbcClient jdbc, TransactionTemplate transactions) {
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** The store itself, local or S3. */
	MediaStore delegate() {
		return store;
	}

	@Override
	public void put(String key, Path source, String contentType) throws IOException {
		store.put(key, source, contentType);
		record(key, Files.size(source));
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) throws IOException {
		store.put(key, bytes, contentType);
		record(key, bytes.length);
	}

	@Override
	public void delete(String key) throws IOException {
		store.delete(key);
		UUID owner = ownerOf(key);
		if (owner != null) {
			try {
				transactions.executeWithoutResult(status -> jdbc.sql("DELETE FROM media_usage WHERE media_key = ?")
					.param(key)
					.update());
			}
			catch (RuntimeException ex) {
				// The object is gone; counting it a while longer only errs against the person.
				log.warn("Removed {} but could not update its owner's storage use", key, ex);
			}
		}
	}

	@Override
	public long bytesUsedBy(UUID user) {
		Long bytes = transactions.execute(status -> jdbc
			.sql("SELECT coalesce(sum(bytes), 0) FROM media_usage WHERE user_id = ?")
			.param(user)
			.query(Long.class)
			.single());
		return bytes == null ? 0 : bytes;
	}

	/** A stored object that cannot be counted is removed again: nothing is kept uncounted. */
	private void record(String key, long bytes) throws IOException {
		UUID owner = ownerOf(key);
		if (owner == null) {
			return;
		}
		try {
			transactions.executeWithoutResult(status -> jdbc.sql("""
					INSERT INTO media_usage (media_key, user_id, bytes) VALUES (?, ?, ?)
					ON CONFLICT (media_key) DO UPDATE SET bytes = EXCLUDED.bytes, recorded_at = now()
					""").params(key, owner, bytes).update());
		}
		catch (RuntimeException ex) {
			try {
				store.delete(key);
			}
			catch (IOException | RuntimeException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw new IOException("Could not record the storage use of " + key, ex);
		}
	}

	static UUID ownerOf(String key) {
		Matcher matcher = OWNED.matcher(key);
		return matcher.matches() ? UUID.fromString(matcher.group(1)) : null;
	}

	@Override
	public MediaObject stat(String key) throws IOException {
		return store.stat(key);
	}

	@Override
	public InputStream open(String key) throws IOException {
		return store.open(key);
	}

	@Override
	public InputStream open(String key, long offset, long length) throws IOException {
		return store.open(key, offset, length);
	}

	@Override
	public void copyTo(String key, Path target) throws IOException {
		store.copyTo(key, target);
	}

	@Override
	public boolean exists(String key) throws IOException {
		return store.exists(key);
	}

	@Override
	public Stream<MediaObject> list(String prefix) throws IOException {
		return store.list(prefix);
	}

	@Override
	public void checkAvailable() throws IOException {
		store.checkAvailable();
	}

}
