package com.wanderframe.generation;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wanderframe.models.*}.
 * @param defaultImage the image model new requests get when they name none: {@code local},
 * {@code replicate} or a model id; blank means Replicate's default when a token is configured,
 * else the local one
 * @param defaultVideo the same for videos
 * @param prices credits per model and combination, overriding the catalogue's, e.g.
 * {@code wanderframe.models.prices.[minimax/hailuo-02].6s-768p=5}
 */
@ConfigurationProperties("wanderframe.models")
record ModelProperties(String defaultImage, String defaultVideo, Map<String, Map<String, Integer>> prices) {

	ModelProperties {
		prices = prices == null ? Map.of() : Map.copyOf(prices);
	}

}
