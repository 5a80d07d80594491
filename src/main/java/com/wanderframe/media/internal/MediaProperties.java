package com.wanderframe.media.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where media lives: {@code local} (files under the data directory, the default) or {@code s3}
 * (any S3-compatible bucket: AWS, Cloudflare R2, MinIO, Supabase storage...).
 */
@ConfigurationProperties("wanderframe.media")
record MediaProperties(Store store, S3 s3, OrphanSweep orphanSweep) {

	MediaProperties {
		store = store == null ? Store.LOCAL : store;
		s3 = s3 == null ? new S3(null, null, null, false, null, null) : s3;
		orphanSweep = orphanSweep == null ? new OrphanSweep(null, null) : orphanSweep;
	}

	/**
	 * @param interval how often stored objects that no row refers to are looked for
	 * @param grace how old such an object must be before it is removed, so one being stored
	 * while its row is written is safe
	 */
	record OrphanSweep(Duration interval, Duration grace) {

		OrphanSweep {
			interval = interval == null ? Duration.ofHours(1) : interval;
			grace = grace == null ? Duration.ofHours(1) : grace;
		}

	}

	enum Store {

		LOCAL, S3

	}

	/**
	 * @param endpoint empty for AWS itself; the URL of any other S3-compatible service
	 * @param pathStyleAccess {@code bucket} in the path rather than the host name, as most
	 * non-AWS services want
	 * @param accessKey with {@code secretKey}; when empty the SDK's default credential chain
	 * (environment, profile, instance role) decides
	 */
	record S3(String bucket, URI endpoint, String region, boolean pathStyleAccess, String accessKey,
			String secretKey) {

		// Never print the keys, whoever logs this record (a failed bind, a debugger, a log line).
		@Override
		public String toString() {
			return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyleAccess="
					+ pathStyleAccess + ", accessKey=" + redacted(accessKey) + ", secretKey=" + redacted(secretKey)
					+ "]";
		}

		private static String redacted(String key) {
			return (key == null || key.isBlank()) ? "(none)" : "(set)";
		}

	}

}
