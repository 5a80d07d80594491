package com.wanderframe.generation;

import java.time.Duration;

/**
 * How a kind's generations are followed.
 * @param deadline counted from creation: one not finished by then is failed, canceled upstream
 * and refunded
 * @param firstPoll the first wait between polls when no webhook brings news; it grows by half
 * each time, up to {@code maxPoll}
 * @param reconciliationPoll the only polling when webhooks bring the news
 * @param quickFirstCheck whether the first poll comes after {@code firstPoll} even when webhooks
 * bring the news (quick models, e.g. images, are often done by then)
 */
public record Timing(Duration deadline, Duration firstPoll, Duration maxPoll, Duration reconciliationPoll,
		boolean quickFirstCheck) {

	/**
	 * When to ask the provider again after {@code polls} answers that were not final: quickly at
	 * first, then backing off; only a slow reconciliation when webhooks bring the news.
	 */
	public Duration nextPoll(int polls, boolean webhooks) {
		if (webhooks) {
			return reconciliationPoll;
		}
		double factor = Math.pow(1.5, Math.min(polls, 20));
		Duration next = Duration.ofMillis((long) (firstPoll.toMillis() * factor));
		return next.compareTo(maxPoll) > 0 ? maxPoll : next;
	}

}
