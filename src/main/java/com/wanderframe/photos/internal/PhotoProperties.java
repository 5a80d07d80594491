package com.wanderframe.photos.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param decodeMemory decoded pixel bytes all photo decodes of this instance may hold at once;
 * an upload waits for its share
 * @param decodeWait how long an upload waits for its share before it is answered 503
 * {@code busy_try_again}, so a burst of uploads cannot hold every request thread
 */
@ConfigurationProperties("wanderframe.photos")
record PhotoProperties(@DefaultValue("256MB") DataSize decodeMemory, @DefaultValue("10s") Duration decodeWait) {
}
