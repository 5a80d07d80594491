package com.wanderframe.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server left running on the data directory by a killed app is recognised by its
 * {@code postmaster.pid} and shut down cleanly; a pid file naming some other live process is no
 * reason to stop anything.
 */
class LeftoverPostmasterTests {

	@TempDir
	Path dir;

	@Test
	void aServerLeftRunningOnTheDirectoryIsFoundAndShutDownCleanly() throws Exception {
		EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
		try {
			ProcessHandle server = LeftoverPostmaster.find(dir).orElseThrow();

			LeftoverPostmaster.stopIfRunning(dir, Duration.ofMinutes(1));

			assertThat(server.isAlive()).isFalse();
			assertThat(dir.resolve("postmaster.pid")).as("removed by the server's own clean shutdown").doesNotExist();
			assertThat(LeftoverPostmaster.find(dir)).isEmpty();
		}
		finally {
			orphan.close();
		}
	}

	@Test
	void aPidFileNamingAnotherProgramStopsNothing() throws Exception {
		Process unrelated = new ProcessBuilder("sleep", "120").start();
		try {
			Files.writeString(dir.resolve("postmaster.pid"), unrelated.pid() + "\n" + dir + "\n0\n5432\n");

			assertThat(LeftoverPostmaster.find(dir)).isEmpty();
			LeftoverPostmaster.stopIfRunning(dir, Duration.ofSeconds(5));

			assertThat(unrelated.isAlive()).isTrue();
		}
		finally {
			unrelated.destroy();
			unrelated.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
