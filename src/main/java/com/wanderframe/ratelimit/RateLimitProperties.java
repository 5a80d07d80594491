package com.wanderframe.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many generations one person may start; shared by images and videos, counted apart. */
@ConfigurationProperties("wanderframe.rate-limit")
public record RateLimitProperties(@DefaultValue("5") int generationsPerMinute,
		@DefaultValue("30") int generationsPerHour) {
}
