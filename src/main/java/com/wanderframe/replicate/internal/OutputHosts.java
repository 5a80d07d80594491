package com.wanderframe.replicate.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The hosts model outputs may be fetched from ({@code WANDERFRAME_REPLICATE_OUTPUT_HOSTS}):
 * comma-separated names, {@code *.example.com} for any subdomain, all over {@code https}; an
 * entry written {@code http://HOST} also allows plain HTTP to exactly that host on any port (how
 * the tests allow their fake on {@code http://127.0.0.1}). A prediction's output URL is data from
 * Replicate; without this list it could point the app at any address it can reach.
 */
record OutputHosts(List<Entry> entries) {

	static final String REPLICATE_DELIVERY = "replicate.delivery,*.replicate.delivery";

	record Entry(String host, boolean anySubdomain, boolean plainHttp) {

		boolean matches(String candidate, String scheme) {
			boolean schemeAllowed = "https".equals(scheme) || (plainHttp && "http".equals(scheme));
			if (!schemeAllowed) {
				return false;
			}
			return anySubdomain ? candidate.endsWith("." + host) : candidate.equals(host);
		}

	}

	static OutputHosts parse(String list) {
		String value = list == null || list.isBlank() ? REPLICATE_DELIVERY : list;
		List<Entry> entries = java.util.Arrays.stream(value.split(","))
			.map(String::strip)
			.filter(entry -> !entry.isEmpty())
			.map(OutputHosts::entry)
			.toList();
		return new OutputHosts(entries);
	}

	private static Entry entry(String text) {
		String entry = text.toLowerCase(Locale.ROOT);
		boolean plainHttp = entry.startsWith("http://");
		if (plainHttp) {
			entry = entry.substring("http://".length());
		}
		else if (entry.startsWith("https://")) {
			entry = entry.substring("https://".length());
		}
		while (entry.endsWith("/")) {
			entry = entry.substring(0, entry.length() - 1);
		}
		boolean anySubdomain = entry.startsWith("*.");
		if (anySubdomain) {
			entry = entry.substring(2);
		}
		if (entry.isEmpty() || entry.contains("/") || entry.contains("*") || entry.contains("@")) {
			throw new IllegalArgumentException("Not a host name in WANDERFRAME_REPLICATE_OUTPUT_HOSTS: " + text);
		}
		return new Entry(entry, anySubdomain, plainHttp);
	}

	boolean allows(URI url) {
		if (url == null || url.getHost() == null || url.getRawUserInfo() != null || url.getScheme() == null) {
			return false;
		}
		String host = url.getHost().toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		String candidate = host;
		return entries.stream().anyMatch(entry -> entry.matches(candidate, scheme));
	}

}
