package com.wanderframe.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit of the app, in one place.
 * @param generationsPerMinute generations one person may start per minute, per kind
 * @param generationsPerHour the same per hour
 * @param maxUnfinishedGenerations images and videos one person may have pending or processing at
 * once, together
 * @param hostedCreditsPerHour credits' worth of hosted (Replicate) generations the whole
 * deployment may start per hour: the ceiling on what a day can cost upstream
 * @param signupsPerAddressPerHour accounts one client address (an IPv6 /64) may create per hour
 * @param signupsPerNetworkPerHour accounts one IPv4 /24 or IPv6 /48 may create per hour
 * @param signInFailuresPerAccountPerHour wrong passwords per account and address per hour; a
 * quarter of them may come at once, the rest are spread out
 * @param signInFailuresPerAddressPerHour wrong passwords from one address, whatever the accounts
 * @param signInFailuresPerNetworkPerHour wrong passwords from one IPv4 /24 or IPv6 /48, whatever
 * the accounts and addresses (a guesser spread over its neighbours)
 * @param signInBurstWindow how fast the quarter that may come at once refills
 */
@ConfigurationProperties("wanderframe.rate-limit")
public record RateLimitProperties(@DefaultValue("5") int generationsPerMinute,
		@DefaultValue("30") int generationsPerHour, @DefaultValue("5") int maxUnfinishedGenerations,
		@DefaultValue("1000") int hostedCreditsPerHour, @DefaultValue("10") int signupsPerAddressPerHour,
		@DefaultValue("30") int signupsPerNetworkPerHour, @DefaultValue("20") int signInFailuresPerAccountPerHour,
		@DefaultValue("100") int signInFailuresPerAddressPerHour,
		@DefaultValue("300") int signInFailuresPerNetworkPerHour, @DefaultValue("1m") Duration signInBurstWindow) {
}
