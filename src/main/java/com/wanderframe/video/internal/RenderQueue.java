package com.wanderframe.video.internal;

import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

import com.wanderframe.generation.GenerationRow;
import com.wanderframe.video.internal.render.RenderProperties;

import org.springframework.stereotype.Component;

/**
 * This instance's render slots ({@code WANDERFRAME_RENDER_CONCURRENCY}), handed out in the order
 * the generations were asked for. The background jobs that wait here start in any order (they
 * are picked in batches and run on a pool), but the person who asked first renders first, so
 * the "N ahead" shown to people ({@link VideoQueue}) is the order they are really served in.
 * Written by hand: a fair {@link java.util.concurrent.Semaphore} serves threads in arrival order,
 * not in an order of our choosing.
 */
@Component
class RenderQueue {

	private record Waiter(Instant requestedAt, String id) {
	}

	private static final Comparator<Waiter> FIRST_ASKED = Comparator.comparing(Waiter::requestedAt)
		.thenComparing(Waiter::id);

	private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(FIRST_ASKED);

	private int free;

	RenderQueue(RenderProperties properties) {
		this.free = properties.concurrency();
	}

	/** A held slot; closing it gives the slot to the next in line. */
	interface Slot extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Waits until a slot is free and every generation asked for earlier that waits here has had
	 * one.
	 * @throws InterruptedIOException when the thread is interrupted (shutting down); the
	 * interrupt stays set and the generation keeps its place for whoever runs it again
	 */
	synchronized Slot take(GenerationRow generation) throws InterruptedIOException {
		Waiter me = new Waiter(generation.createdAt(), generation.id().toString());
		waiting.add(me);
		try {
			while (free == 0 || !me.equals(waiting.peek())) {
				wait();
			}
		}
		catch (InterruptedException ex) {
			waiting.remove(me);
			notifyAll();
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for a render slot");
		}
		waiting.poll();
		free--;
		// The next in line may go too when more than one slot is free.
		notifyAll();
		return this::release;
	}

	private synchronized void release() {
		free++;
		notifyAll();
	}

}
