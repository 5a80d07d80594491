package com.wanderframe.ratelimit;

import java.time.Duration;

import com.wanderframe.ratelimit.internal.Buckets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic behind a refusal, without a database: which clients count as one, what
 * {@code Retry-After} says, how the wait reads in the message.
 */
class RateLimitRulesTests {

	@Test
	void oneIpv4AddressIsOneClientAndItsSlash24IsTheNeighbourhood() {
		ClientAddress client = ClientAddress.of("203.0.113.77");

		assertThat(client.address()).isEqualTo("203.0.113.77/32");
		assertThat(client.network()).isEqualTo("203.0.113.0/24");
		assertThat(ClientAddress.of(" 203.0.113.200 ").network()).as("a neighbour shares the network")
			.isEqualTo(client.network());
		assertThat(ClientAddress.of("203.0.114.77").network()).isNotEqualTo(client.network());
	}

	@Test
	void anIpv6ClientCannotEscapeItsLimitByRotatingItsSlash64() {
		ClientAddress one = ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
		ClientAddress rotated = ClientAddress.of("[2001:db8:1:2:1111:2222:3333:4444]");
		ClientAddress scoped = ClientAddress.of("2001:db8:1:2::9%eth0");

		assertThat(one.address()).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(rotated).isEqualTo(one);
		assertThat(scoped).isEqualTo(one);
		assertThat(one.network()).isEqualTo("2001:db8:1:0:0:0:0:0/48");
		assertThat(ClientAddress.of("2001:db8:1:3::1").address()).isNotEqualTo(one.address());
		assertThat(ClientAddress.of("2001:db8:1:3::1").network()).isEqualTo(one.network());
	}

	@Test
	void somethingThatIsNotAnAddressIsCountedAsItselfAndNeverLookedUp() {
		assertThat(ClientAddress.of("example.com")).isEqualTo(new ClientAddress("other:example.com", "other:example.com"));
		assertThat(ClientAddress.of("12345")).as("digits alone are not an address")
			.isEqualTo(new ClientAddress("other:12345", "other:12345"));
		assertThat(ClientAddress.of(null)).isEqualTo(new ClientAddress("other:", "other:"));
		// dotted like an address, but not one: read as themselves, never handed to a resolver
		for (String notAQuad : new String[] { "1.2.3.4.5.6", "1.2.3.256", "cafe.be", "1.2.3" }) {
			assertThat(ClientAddress.of(notAQuad)).as(notAQuad)
				.isEqualTo(new ClientAddress("other:" + notAQuad, "other:" + notAQuad));
		}
		assertThat(ClientAddress.of("::ffff:203.0.113.77").address()).as("an IPv4-mapped IPv6 address is that IPv4 client")
			.isEqualTo("203.0.113.77/32");
	}

	@Test
	void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
		assertThat(Buckets.retryAfter(0)).as("a client told 0 would retry at once").isEqualTo(Duration.ofSeconds(1));
		assertThat(Buckets.retryAfter(Duration.ofMillis(300).toNanos())).isEqualTo(Duration.ofSeconds(1));
		assertThat(Buckets.retryAfter(Duration.ofMillis(1300).toNanos())).isEqualTo(Duration.ofSeconds(2));
		assertThat(Buckets.retryAfter(Duration.ofSeconds(59).plusMillis(1).toNanos())).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void theWaitReadsAsAPersonSaysIt() {
		assertThat(Waits.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
		assertThat(Waits.describe(Duration.ofSeconds(45))).isEqualTo("45 seconds");
		assertThat(Waits.describe(Duration.ofSeconds(119))).isEqualTo("119 seconds");
		assertThat(Waits.describe(Duration.ofSeconds(120))).isEqualTo("2 minutes");
		assertThat(Waits.describe(Duration.ofSeconds(121))).as("rounded up, never promising too early")
			.isEqualTo("3 minutes");
		assertThat(Waits.describe(Duration.ofMinutes(60))).isEqualTo("60 minutes");
	}

}
