package com.wanderframe.account;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The user on whose behalf the current thread touches the database. Every transaction begun
 * while one is set switches to the {@code wanderframe_user} role and records the user
 * transaction-locally, so row-level security shows that user's rows only, even to a query that
 * forgets its {@code WHERE user_id = ?}. Requests of a signed-in user set it; background work
 * does not, and sees all rows.
 */
public final class ActingUser {

	private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

	private ActingUser() {
	}

	public static Optional<UUID> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Acts as {@code user} until the returned scope is closed. */
	public static Scope enter(UUID user) {
		UUID previous = CURRENT.get();
		CURRENT.set(user);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	/**
	 * Acts as no one until the returned scope is closed: for the few steps that come before an
	 * identity (signing up, checking a password) and for background work.
	 */
	public static Scope enterSystem() {
		UUID previous = CURRENT.get();
		CURRENT.remove();
		return () -> {
			if (previous != null) {
				CURRENT.set(previous);
			}
		};
	}

	public static <T> T callAs(UUID user, Supplier<T> work) {
		try (Scope scope = enter(user)) {
			return work.get();
		}
	}

	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
