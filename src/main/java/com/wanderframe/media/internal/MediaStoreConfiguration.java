package com.wanderframe.media.internal;

import java.io.IOException;

import com.wanderframe.media.MediaStore;
import com.wanderframe.platform.DataDirectory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaStoreConfiguration {

	@Bean
	AccountedMediaStore mediaStore(MediaProperties properties, DataDirectory data, JdbcClient jdbc,
			TransactionTemplate transactions) throws IOException {
		return new AccountedMediaStore(configuredStore(properties, data), jdbc, transactions);
	}

	private static MediaStore configuredStore(MediaProperties properties, DataDirectory data) throws IOException {
		if (properties.store() == MediaProperties.Store.S3) {
			MediaProperties.S3 s3 = properties.s3();
			if (!StringUtils.hasText(s3.bucket())) {
				throw new IllegalStateException(
						"wanderframe.media.store=s3 needs a bucket: set S3_BUCKET (wanderframe.media.s3.bucket)");
			}
			return new S3MediaStore(s3Client(s3), s3.bucket());
		}
		return new LocalDiskMediaStore(data.resolve("media"));
	}

	static S3Client s3Client(MediaProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(StringUtils.hasText(s3.region()) ? s3.region() : "us-east-1"))
			.forcePathStyle(s3.pathStyleAccess());
		if (s3.endpoint() != null && StringUtils.hasText(s3.endpoint().toString())) {
			builder.endpointOverride(s3.endpoint())
				// Newer SDKs send CRC checksums on every request by default, which several
				// S3-compatible services reject; only where the operation requires one.
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		}
		if (StringUtils.hasText(s3.accessKey())) {
			builder.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		return builder.build();
	}

}
