package com.wanderframe.media;

import java.util.UUID;

import com.wanderframe.platform.ApiException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How much one person may keep in the media store ({@code WANDERFRAME_STORAGE_QUOTA}): photos,
 * images, videos and exports together, as {@link MediaUsage} counts them. Checked wherever a request makes
 * stored bytes grow: an upload needs room for itself; a generation or an export, whose output size is
 * known only once it is made, needs the person to be under the quota when it is asked for (so it is
 * refused before anything is charged, and the last one may take them past by its own size).
 */
@Component
public class StorageQuota {

	private final MediaUsage usage;

	private final DataSize quota;

	StorageQuota(MediaUsage usage, @Value("${wanderframe.media.storage-quota:2GB}") DataSize quota) {
		this.usage = usage;
		this.quota = quota;
	}

	/**
	 * Reads in the caller's transaction, if any, so row-level security applies to it.
	 * @param bytes what is about to be stored; 0 for a generation, whose size is not known yet
	 * @param what what needs the room, for the message ("this photo", "a new video")
	 * @throws ApiException 403 {@code storage_quota_exceeded}
	 */
	public void requireRoom(UUID user, long bytes, String what) {
		long limit = quota.toBytes();
		long used = usage.bytesUsedBy(user);
		if (!fits(used, bytes, limit)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "storage_quota_exceeded",
					"Your photos, images, videos and exports take " + megabytes(used) + " of your " + megabytes(limit)
							+ ". Delete some to make room for " + what + ".");
		}
	}

	/**
	 * For work that learns its size only when done (an export): whether {@code bytes} more still
	 * fit. Reads in the caller's transaction, if any, as {@link #requireRoom} does.
	 */
	public boolean hasRoom(UUID user, long bytes) {
		return fits(usage.bytesUsedBy(user), bytes, quota.toBytes());
	}

	private static boolean fits(long used, long bytes, long limit) {
		return used + bytes <= limit && used < limit;
	}

	private static String megabytes(long bytes) {
		return (bytes + 1024 * 1024 - 1) / (1024 * 1024) + " MB";
	}

}
