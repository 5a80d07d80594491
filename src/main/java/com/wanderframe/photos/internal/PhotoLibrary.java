package com.wanderframe.photos.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wanderframe.media.MediaStore;
import com.wanderframe.photos.PhotoId;
import com.wanderframe.media.StorageQuota;
import com.wanderframe.photos.PhotoRef;
import com.wanderframe.photos.Photos;
import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.ScratchSpace;
import com.wanderframe.ratelimit.UploadRateLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Step 1's photos: intake (clean, store, record) and lookup. Every query runs in a transaction,
 * so row-level security limits it to the acting user's photos.
 */
@Service
class PhotoLibrary implements Photos {

	static final long MAX_UPLOAD_BYTES = 15L * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(PhotoLibrary.class);

	private final JdbcClient jdbc;

	private final MediaStore store;

	private final TransactionTemplate transactions;

	private final PhotoCleaner cleaner;

	private final UploadRateLimit uploadRateLimit;

	private final StorageQuota quota;

	private final ScratchSpace scratch;

	private final PhotoProperties properties;

	PhotoLibrary(JdbcClient jdbc, MediaStore store, TransactionTemplate transactions, DecodeBudget budget,
			UploadRateLimit uploadRateLimit, StorageQuota quota, ScratchSpace scratch, PhotoProperties properties) {
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
		this.cleaner = new PhotoCleaner(budget);
		this.uploadRateLimit = uploadRateLimit;
		this.quota = quota;
		this.scratch = scratch;
		this.properties = properties;
	}

	/** One page of the acting user's photos, newest first, and how many there are in all. */
	record Page(List<Photo> items, int page, int size, long total) {
	}

	record Photo(UUID id, UUID ownerId, String mediaKey, String contentType, int width, int height,
			Instant createdAt) {

		PhotoRef ref() {
			return new PhotoRef(id, ownerId, mediaKey, contentType, width, height);
		}

	}

	/**
	 * Cleans and keeps an upload. The image work happens outside any transaction (no database
	 * connection held while decoding); the file is stored before its row exists, so a row never
	 * points at nothing, and a failed insert removes the file again.
	 */
	Photo upload(UUID owner, MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw ApiException.badRequest("photo_missing", "Choose a photo to upload (form field 'file').");
		}
		if (file.getSize() > MAX_UPLOAD_BYTES) {
			throw tooLarge();
		}
		uploadRateLimit.acquire(owner);
		Path upload = null;
		Path cleaned = null;
		try {
			upload = scratch.createFile("upload-", ".bin");
			cleaned = scratch.createFile("photo-", ".img");
			file.transferTo(upload);
			PhotoCleaner.Cleaned photo = cleaner.clean(upload, cleaned);
			checkQuota(owner, Files.size(cleaned));
			UUID id = UUID.randomUUID();
			String key = "photos/" + owner + "/" + id + "." + photo.extension();
			store.put(key, cleaned, photo.contentType());
			try {
				return transactions.execute(status -> insert(new Photo(id, owner, key, photo.contentType(),
						photo.width(), photo.height(), null)));
			}
			catch (RuntimeException ex) {
				deleteQuietly(key);
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deleteTemp(upload);
			deleteTemp(cleaned);
		}
	}

	@Override
	public PhotoRef storeStill(UUID owner, Path png, int width, int height) throws IOException {
		if (width < 1 || height < 1 || Math.max(width, height) > PhotoCleaner.MAX_SIDE) {
			throw new IllegalArgumentException("A still of " + width + "x" + height + " is not a photo");
		}
		UUID id = UUID.randomUUID();
		String key = "photos/" + owner + "/" + id + ".png";
		store.put(key, png, "image/png");
		return new PhotoRef(id, owner, key, "image/png", width, height);
	}

	@Override
	public void recordStill(PhotoRef still) {
		insert(new Photo(still.id(), still.ownerId(), still.mediaKey(), still.contentType(), still.width(),
				still.height(), null));
	}

	@Override
	public void discardStill(PhotoRef still) {
		deleteQuietly(still.mediaKey());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PhotoRef> find(PhotoId id) {
		return findPhoto(id.value()).map(Photo::ref);
	}

	@Transactional(readOnly = true)
	public Optional<Photo> findPhoto(UUID id) {
		return jdbc.sql("""
				SELECT id, user_id AS owner_id, media_key, content_type, width, height, created_at
				FROM photos WHERE id = ?
				""").param(id).query(Photo.class).optional();
	}

	/** The acting user's photos, newest first, a page at a time. */
	@Transactional(readOnly = true)
	public Page page(int page, int size) {
		List<Photo> items = jdbc.sql("""
				SELECT id, user_id AS owner_id, media_key, content_type, width, height, created_at
				FROM photos ORDER BY created_at DESC, id LIMIT ? OFFSET ?
				""").params(size, (long) page * size).query(Photo.class).list();
		long total = jdbc.sql("SELECT count(*) FROM photos").query(Long.class).single();
		return new Page(items, page, size, total);
	}

	/**
	 * Removes the acting user's photo: its row, then its file and its cut-out. Images made from it keep working
	 * (each has its own stored copy); an image still being made from it fails and is refunded.
	 * A file that cannot be removed now is left to the orphan sweep, as no row claims it.
	 * @return whether there was such a photo
	 */
	boolean delete(UUID id) {
		String key = transactions.execute(status -> jdbc.sql("DELETE FROM photos WHERE id = ? RETURNING media_key")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null));
		if (key == null) {
			return false;
		}
		deleteQuietly(key);
		Cutouts.keysBeside(key).forEach(this::deleteQuietly);
		return true;
	}

	private void checkQuota(UUID owner, long bytes) {
		transactions.executeWithoutResult(status -> quota.requireRoom(owner, bytes, "this photo"));
	}

	private Photo insert(Photo photo) {
		return jdbc.sql("""
				INSERT INTO photos (id, user_id, media_key, content_type, width, height)
				VALUES (?, ?, ?, ?, ?, ?)
				RETURNING id, user_id AS owner_id, media_key, content_type, width, height, created_at
				""")
			.params(photo.id(), photo.ownerId(), photo.mediaKey(), photo.contentType(), photo.width(), photo.height())
			.query(Photo.class)
			.single();
	}

	static ApiException tooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large",
				"This photo is larger than 15 MB. Upload a smaller one.");
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not remove {}; the orphan sweep will", key, ex);
		}
	}

	private static void deleteTemp(Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				log.warn("Could not remove temporary file {}", path, ex);
			}
		}
	}

}
