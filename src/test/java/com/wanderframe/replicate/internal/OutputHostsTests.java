package com.wanderframe.replicate.internal;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WANDERFRAME_REPLICATE_OUTPUT_HOSTS, as an operator writes it. */
class OutputHostsTests {

	@Test
	void byDefaultOnlyReplicatesDeliveryHostsOverHttps() {
		OutputHosts hosts = OutputHosts.parse("");

		assertThat(hosts.allows(URI.create("https://replicate.delivery/xezq/abc/output.mp4"))).isTrue();
		assertThat(hosts.allows(URI.create("https://pbxt.replicate.delivery/abc/output.mp4"))).isTrue();
		assertThat(hosts.allows(URI.create("http://replicate.delivery/abc/output.mp4"))).as("plain http").isFalse();
		assertThat(hosts.allows(URI.create("https://evilreplicate.delivery/x"))).isFalse();
		assertThat(hosts.allows(URI.create("https://replicate.delivery.evil.example/x"))).isFalse();
		assertThat(hosts.allows(URI.create("https://169.254.169.254/latest/meta-data"))).isFalse();
		assertThat(hosts.allows(URI.create("https://user@replicate.delivery/x"))).as("with user info").isFalse();
		assertThat(hosts.allows(URI.create("file:///etc/passwd"))).isFalse();
	}

	@Test
	void anHttpEntryAllowsPlainHttpToExactlyThatHostOnAnyPort() {
		OutputHosts hosts = OutputHosts.parse("http://127.0.0.1, cdn.example.com");

		assertThat(hosts.allows(URI.create("http://127.0.0.1:41234/p/output.mp4"))).isTrue();
		assertThat(hosts.allows(URI.create("https://127.0.0.1/p/output.mp4"))).isTrue();
		assertThat(hosts.allows(URI.create("http://localhost:41234/p/output.mp4"))).isFalse();
		assertThat(hosts.allows(URI.create("https://CDN.example.com/x.mp4"))).isTrue();
		assertThat(hosts.allows(URI.create("http://cdn.example.com/x.mp4"))).isFalse();
		assertThat(hosts.allows(URI.create("https://a.cdn.example.com/x.mp4"))).as("no wildcard given").isFalse();
	}

	@Test
	void somethingThatIsNoHostNameIsRefusedAtStartUp() {
		assertThatThrownBy(() -> OutputHosts.parse("replicate.delivery/path")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutputHosts.parse("*")).isInstanceOf(IllegalArgumentException.class);
	}

}
