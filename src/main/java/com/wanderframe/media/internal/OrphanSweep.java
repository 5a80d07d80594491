package com.wanderframe.media.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.wanderframe.media.MediaClaims;
import com.wanderframe.media.MediaObject;
import com.wanderframe.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Removes stored objects no row refers to: a crash between storing a file and recording its row
 * leaves one behind, and nothing else would ever remove it. Only objects older than the grace
 * period are considered, so a file being stored right now (its row a moment away) is safe, and
 * only keys under a prefix some module claims ({@link MediaClaims}). A recurring db-scheduler
 * task, so one instance sweeps at a time.
 */
@Configuration(proxyBeanMethods = false)
class OrphanSweep {

	private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

	/** Keys asked about per query. */
	private static final int BATCH = 500;

	private final MediaStore store;

	private final List<MediaClaims> claims;

	private final MediaProperties properties;

	private final Clock clock;

	OrphanSweep(MediaStore store, List<MediaClaims> claims, MediaProperties properties) {
		this.store = store;
		this.claims = claims;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@Bean
	Task<Void> mediaOrphanSweepTask() {
		return Tasks.recurring("media-orphan-sweep", FixedDelay.of(properties.orphanSweep().interval()))
			.execute((instance, context) -> sweep());
	}

	/** @return how many objects were removed */
	int sweep() {
		return sweep(clock.instant().minus(properties.orphanSweep().grace()));
	}

	/** Removes unclaimed objects last written before {@code cutoff}. */
	int sweep(Instant cutoff) {
		int removed = 0;
		for (MediaClaims owner : claims) {
			try (Stream<MediaObject> objects = store.list(owner.prefix())) {
				Iterator<MediaObject> old = objects.filter(object -> object.lastModified().isBefore(cutoff)).iterator();
				List<String> batch = new ArrayList<>(BATCH);
				while (old.hasNext()) {
					batch.add(old.next().key());
					if (batch.size() == BATCH || !old.hasNext()) {
						removed += removeUnclaimed(owner, batch);
						batch.clear();
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not sweep {} for orphaned media", owner.prefix(), ex);
			}
		}
		if (removed > 0) {
			log.info("Removed {} stored objects that no row refers to", removed);
		}
		return removed;
	}

	private int removeUnclaimed(MediaClaims owner, List<String> keys) throws IOException {
		Set<String> claimed = owner.claimed(keys);
		int removed = 0;
		for (String key : keys) {
			if (!claimed.contains(key)) {
				store.delete(key);
				removed++;
			}
		}
		return removed;
	}

}
