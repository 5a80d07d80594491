package com.wanderframe.video.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live status for browsers. A trigger announces every committed change of a generation on the
 * {@code video_generation_changed} channel; each instance LISTENs on one dedicated connection and
 * sends the generation's current state to the browsers following it here. So a change made by a
 * job on any instance reaches a browser connected to any other.
 */
@Component
class VideoEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(VideoEvents.class);

	private static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

	/** Proxies close idle streams; a comment line now and then keeps ours open. */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

	/** How long the listen connection may stay quiet before we check that it is still alive. */
	private static final Duration IDLE_CHECK = Duration.ofSeconds(10);

	private final DataSource dataSource;

	private final VideoGenerations generations;

	private final TransactionTemplate transactions;

	private final Map<UUID, Set<SseEmitter>> followers = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread listener;

	private ScheduledExecutorService keepAlive;

	VideoEvents(DataSource dataSource, VideoGenerations generations, TransactionTemplate transactions,
			MeterRegistry meters) {
		this.dataSource = dataSource;
		this.generations = generations;
		this.transactions = transactions;
		Gauge.builder("wanderframe.live.followers", followers,
				all -> all.values().stream().mapToInt(Set::size).sum())
			.description("Browsers following a generation's live status on this instance")
			.register(meters);
	}

	/** Follows a generation the caller may see: its state now, then every change, until it ends. */
	SseEmitter follow(VideoView current) {
		SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
		if (!send(emitter, current)) {
			return emitter;
		}
		// Shutting down: end the stream at once, so the browser reconnects to another instance.
		if (current.isTerminal() || !running) {
			emitter.complete();
			return emitter;
		}
		Set<SseEmitter> set = followers.computeIfAbsent(current.id(), id -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		Runnable remove = () -> unfollow(current.id(), emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		// A change may have committed between reading `current` and registering: resend. In a
		// transaction, so row-level security applies to this request-path read too.
		transactions.execute(status -> generations.findVisible(current.id()))
			.map(VideoView::of)
			.ifPresent(this::publish);
		return emitter;
	}

	private void unfollow(UUID id, SseEmitter emitter) {
		followers.computeIfPresent(id, (key, set) -> {
			set.remove(emitter);
			return set.isEmpty() ? null : set;
		});
	}

	private void changed(UUID id) {
		if (followers.containsKey(id)) {
			generations.find(id).map(VideoView::of).ifPresent(this::publish);
		}
	}

	private void publish(VideoView view) {
		Set<SseEmitter> set = followers.get(view.id());
		if (set == null) {
			return;
		}
		for (SseEmitter emitter : set) {
			if (send(emitter, view) && view.isTerminal()) {
				emitter.complete();
			}
		}
	}

	private boolean send(SseEmitter emitter, VideoView view) {
		try {
			synchronized (emitter) {
				emitter.send(SseEmitter.event().name("status").id(view.updatedAt().toString()).data(view,
						MediaType.APPLICATION_JSON));
			}
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; the emitter's callbacks unregister it.
			emitter.completeWithError(ex);
			return false;
		}
	}

	private void keepAlive() {
		followers.values().forEach(set -> set.forEach(emitter -> {
			try {
				synchronized (emitter) {
					emitter.send(SseEmitter.event().comment("keep-alive"));
				}
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}));
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN video_generation_changed");
				}
				// Changes committed while we were not listening (a reconnect) would be lost: resend.
				followers.keySet().forEach(this::changed);
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications((int) IDLE_CHECK.toMillis());
					if (notifications == null || notifications.length == 0) {
						// A silently dead connection only ever times out: prove it alive, or reconnect.
						try (Statement statement = connection.createStatement()) {
							statement.execute("SELECT 1");
						}
						continue;
					}
					for (PGNotification notification : notifications) {
						changed(UUID.fromString(notification.getParameter()));
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (running) {
					log.warn("Lost the change listener's connection; reconnecting", ex);
					pause();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	@Override
	public void start() {
		running = true;
		keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "video-events-keep-alive");
			thread.setDaemon(true);
			return thread;
		});
		keepAlive.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toSeconds(), KEEP_ALIVE.toSeconds(),
				TimeUnit.SECONDS);
		listener = new Thread(this::listen, "video-change-listener");
		listener.setDaemon(true);
		listener.start();
	}

	@Override
	public void stop() {
		running = false;
		if (listener != null) {
			listener.interrupt();
		}
		if (keepAlive != null) {
			keepAlive.shutdownNow();
		}
		followers.values().forEach(set -> set.forEach(SseEmitter::complete));
		followers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
