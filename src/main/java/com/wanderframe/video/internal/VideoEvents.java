package com.wanderframe.video.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import com.wanderframe.platform.RetryableApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live status for browsers. A trigger announces every committed change of a generation on the
 * {@code video_generation_changed} channel; each instance LISTENs on one dedicated connection and
 * sends the generation's current state to the browsers following it here. So a change made by a
 * job on any instance reaches a browser connected to any other. Streams are limited per person
 * and per generation and end after a timeout (the browser reconnects); events are written by a
 * pool of senders, never by the listener. When a generation leaves a render queue (the
 * {@code video_queue_moved} channel), the waiting generations followed here are sent again with
 * their new place in the queue.
 */
@Component
class VideoEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(VideoEvents.class);

	/** Proxies close idle streams; a comment line now and then keeps ours open. */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

	/** How long the listen connection may stay quiet before we check that it is still alive. */
	private static final Duration IDLE_CHECK = Duration.ofSeconds(10);

	private final DataSource dataSource;

	private final VideoGenerations generations;

	private final TransactionTemplate transactions;

	private final LiveStatusProperties properties;

	private final VideoQueue queue;

	/** Followed generations whose last state sent was a place in a queue: they move when it moves. */
	private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Set<Follower>> followers = new ConcurrentHashMap<>();

	/** Streams per person, guarded by {@code this} together with {@link #followers}' sizes. */
	private final Map<UUID, Integer> perPerson = new HashMap<>();

	private volatile boolean running;

	private Thread listener;

	private ScheduledExecutorService keepAlive;

	/**
	 * Writes to browsers. The listener and keep-alive threads only hand events to it, so a
	 * browser that stops reading (its socket buffer full, a write blocked) delays nobody else.
	 */
	private ExecutorService senders;

	VideoEvents(DataSource dataSource, VideoGenerations generations, TransactionTemplate transactions,
			LiveStatusProperties properties, VideoQueue queue, MeterRegistry meters) {
		this.queue = queue;
		this.dataSource = dataSource;
		this.generations = generations;
		this.transactions = transactions;
		this.properties = properties;
		Gauge.builder("wanderframe.live.followers", followers,
				all -> all.values().stream().mapToInt(Set::size).sum())
			.description("Browsers following a generation's live status on this instance")
			.register(meters);
	}

	/**
	 * Follows a generation the caller may see: its state now, then every change, until it ends.
	 * @throws RetryableApiException 429 {@code too_many_streams} beyond the per-person or
	 * per-generation limit
	 */
	SseEmitter follow(UUID user, VideoView current) {
		SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
		Follower follower = new Follower(user, List.of(current.id()), emitter, "status", view -> view,
				view -> ((VideoView) view).isTerminal(), view -> ((VideoView) view).updatedAt().toString());
		return follow(follower, current, List.of(current));
	}

	/**
	 * Follows a batch the caller may see: event {@code batch} with all its variants now, then on
	 * every change of any of them, until all have ended. Counts as one stream of the person's,
	 * and one of each variant's.
	 */
	SseEmitter followBatch(UUID user, BatchView current) {
		SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
		Map<UUID, VideoView> latest = new ConcurrentHashMap<>();
		current.items().forEach(item -> latest.put(item.id(), item));
		List<UUID> ids = current.items().stream().map(VideoView::id).toList();
		Follower follower = new Follower(user, ids, emitter, "batch", view -> {
			latest.merge(view.id(), view, (old, now) -> now.updatedAt().isBefore(old.updatedAt()) ? old : now);
			return current.with(ids.stream().map(latest::get).toList());
		}, view -> ((BatchView) view).finished(), view -> ((BatchView) view).updatedAt().toString());
		return follow(follower, current, current.items());
	}

	private SseEmitter follow(Follower follower, Object current, List<VideoView> items) {
		SseEmitter emitter = follower.emitter;
		if (!running) {
			// Shutting down: end the stream at once, so the browser reconnects to another instance.
			try {
				follower.send(current);
			}
			catch (IOException | IllegalStateException ex) {
				// gone already
			}
			emitter.complete();
			return emitter;
		}
		if (follower.ends.test(current)) {
			follower.offerEvent(current);
			return emitter;
		}
		register(follower);
		Runnable remove = () -> unregister(follower);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		follower.offerEvent(current);
		// A change may have committed between reading `current` and registering: resend. In a
		// transaction, so row-level security applies to this request-path read too.
		for (VideoView item : items) {
			transactions.execute(status -> generations.findVisible(item.id()))
				.map(queue::view)
				.ifPresent(this::publish);
		}
		return emitter;
	}

	private synchronized void register(Follower follower) {
		int mine = perPerson.getOrDefault(follower.user, 0);
		boolean full = mine >= properties.perPerson() || follower.generations.stream()
			.anyMatch(id -> followers.getOrDefault(id, Set.of()).size() >= properties.perGeneration());
		if (full) {
			throw new RetryableApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
					"This video is already being followed in too many windows. Close one, or reload later.",
					Duration.ofSeconds(30));
		}
		for (UUID id : follower.generations) {
			followers.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(follower);
		}
		perPerson.put(follower.user, mine + 1);
	}

	private synchronized void unregister(Follower follower) {
		boolean removed = false;
		for (UUID id : follower.generations) {
			Set<Follower> set = followers.get(id);
			if (set != null && set.remove(follower)) {
				removed = true;
				if (set.isEmpty()) {
					followers.remove(id);
					waiting.remove(id);
				}
			}
		}
		if (removed) {
			perPerson.computeIfPresent(follower.user, (user, count) -> count <= 1 ? null : count - 1);
		}
	}

	private void changed(UUID id) {
		if (followers.containsKey(id)) {
			generations.find(id).map(queue::view).ifPresent(this::publish);
		}
	}

	private void queueMoved() {
		waiting.removeIf(id -> !followers.containsKey(id));
		waiting.forEach(this::changed);
	}

	private void publish(VideoView view) {
		Set<Follower> set = followers.get(view.id());
		if (set != null) {
			if (view.queueAhead() != null) {
				waiting.add(view.id());
			}
			else {
				waiting.remove(view.id());
			}
			set.forEach(follower -> follower.offer(view));
		}
	}

	private void keepAlive() {
		followers.values().stream().flatMap(Set::stream).distinct().forEach(Follower::keepAlive);
	}

	/**
	 * One browser's stream of one generation or of a batch's. Only the newest state matters, so a
	 * follower keeps just that until its sender gets to it: a slow reader costs one pending
	 * event, not a growing queue.
	 */
	private final class Follower {

		final UUID user;

		final List<UUID> generations;

		final SseEmitter emitter;

		final String eventName;

		/** What a change of one of its generations makes it send. */
		final Function<VideoView, Object> toEvent;

		/** Whether an event is the last one. */
		final Predicate<Object> ends;

		final Function<Object, String> eventId;

		private final AtomicReference<Object> pending = new AtomicReference<>();

		private final AtomicBoolean keepAlivePending = new AtomicBoolean();

		private final AtomicBoolean scheduled = new AtomicBoolean();

		private volatile boolean ended;

		Follower(UUID user, List<UUID> generations, SseEmitter emitter, String eventName,
				Function<VideoView, Object> toEvent, Predicate<Object> ends, Function<Object, String> eventId) {
			this.user = user;
			this.generations = generations;
			this.emitter = emitter;
			this.eventName = eventName;
			this.toEvent = toEvent;
			this.ends = ends;
			this.eventId = eventId;
		}

		void offer(VideoView view) {
			offerEvent(toEvent.apply(view));
		}

		void offerEvent(Object event) {
			pending.set(event);
			schedule();
		}

		void keepAlive() {
			keepAlivePending.set(true);
			schedule();
		}

		private void schedule() {
			if (ended || !scheduled.compareAndSet(false, true)) {
				return;
			}
			try {
				senders.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// Shutting down.
				scheduled.set(false);
			}
		}

		private void drain() {
			try {
				while (!ended) {
					Object view = pending.getAndSet(null);
					boolean ping = keepAlivePending.getAndSet(false);
					if (view == null && !ping) {
						return;
					}
					if (view != null) {
						send(view);
					}
					else {
						emitter.send(SseEmitter.event().comment("keep-alive"));
					}
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The browser went away; the emitter's callbacks unregister it.
				ended = true;
				emitter.completeWithError(ex);
			}
			finally {
				scheduled.set(false);
				// Something may have arrived after the last look and before the flag was cleared.
				if (!ended && (pending.get() != null || keepAlivePending.get())) {
					schedule();
				}
			}
		}

		private void send(Object view) throws IOException {
			emitter.send(SseEmitter.event().name(eventName).id(eventId.apply(view)).data(view,
					MediaType.APPLICATION_JSON));
			if (ends.test(view)) {
				ended = true;
				emitter.complete();
			}
		}

		void end() {
			ended = true;
			emitter.complete();
		}

	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN video_generation_changed");
					statement.execute("LISTEN video_queue_moved");
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
					boolean queueMoved = false;
					for (PGNotification notification : notifications) {
						if ("video_queue_moved".equals(notification.getName())) {
							queueMoved = true;
						}
						else {
							changed(UUID.fromString(notification.getParameter()));
						}
					}
					if (queueMoved) {
						queueMoved();
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
		AtomicInteger senderNumbers = new AtomicInteger();
		senders = Executors.newFixedThreadPool(properties.senders(), runnable -> {
			Thread thread = new Thread(runnable, "video-events-send-" + senderNumbers.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
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
		followers.values().stream().flatMap(Set::stream).distinct().forEach(Follower::end);
		followers.clear();
		waiting.clear();
		synchronized (this) {
			perPerson.clear();
		}
		if (senders != null) {
			senders.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
