package com.wanderframe.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Photo uploads one person may send. */
@ConfigurationProperties("wanderframe.rate-limit.uploads")
record UploadRateLimitProperties(@DefaultValue("10") int perMinute, @DefaultValue("100") int perHour) {
}
