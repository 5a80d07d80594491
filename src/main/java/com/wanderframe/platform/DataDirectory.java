package com.wanderframe.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded default keeps what must survive a restart: the database and the media.
 */
@ConfigurationProperties("wanderframe.data")
public record DataDirectory(Path dir) {

	public DataDirectory {
		dir = (dir == null ? Path.of("data") : dir).toAbsolutePath().normalize();
	}

	public Path resolve(String child) {
		return dir.resolve(child);
	}

}
