package com.wanderframe.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;

import com.wanderframe.platform.RetryableApiException;
import com.wanderframe.ratelimit.internal.Buckets;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, shared by every instance. Only wrong passwords are counted, in four
 * buckets: the account from this address, the address whatever the account (credential
 * stuffing), the address's network (IPv4 /24, IPv6 /48: stuffing spread over neighbouring
 * addresses), and the account from anywhere (guessing spread over many addresses). Each bucket
 * lets a quarter of its hourly budget through per burst window (a minute) and the hour's budget
 * no faster than evenly spread, so the delays grow: a few typos cost nothing, the next attempts
 * wait for the minute to end, a long run waits minutes for each guess.
 * <p>
 * A limit here never locks anyone out for good: a refused attempt is not counted, so after the
 * {@code Retry-After} the right password works again. And the account-wide and network buckets
 * are skipped for an address the person has signed in from before, so guesses from elsewhere
 * (or from a neighbour) cannot keep them out.
 */
@Component
public class SignInThrottle {

	private final Buckets buckets;

	private final BucketConfiguration perAccount;

	private final BucketConfiguration perAddress;

	private final BucketConfiguration perNetwork;

	SignInThrottle(Buckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.perAccount = growing(properties.signInFailuresPerAccountPerHour(), properties.signInBurstWindow());
		this.perAddress = growing(properties.signInFailuresPerAddressPerHour(), properties.signInBurstWindow());
		this.perNetwork = growing(properties.signInFailuresPerNetworkPerHour(), properties.signInBurstWindow());
	}

	private static BucketConfiguration growing(int perHour, Duration burstWindow) {
		int burst = Math.max(1, perHour / 4);
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(burst).refillIntervally(burst, burstWindow))
			.addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
			.build();
	}

	/**
	 * Before the password is checked.
	 * @param email as typed; an account that does not exist is throttled the same way
	 * @param knownAddress whether the account has signed in from {@code client} before
	 * @throws RetryableApiException 429 {@code too_many_sign_in_attempts} with {@code Retry-After}
	 */
	public void check(String email, ClientAddress client, boolean knownAddress) {
		Keys keys = Keys.of(email, client);
		long wait = Math.max(waitFor(buckets.bucket(keys.accountFromAddress(), () -> perAccount)),
				waitFor(buckets.bucket(keys.address(), () -> perAddress)));
		if (!knownAddress) {
			wait = Math.max(wait, waitFor(buckets.bucket(keys.account(), () -> perAccount)));
			wait = Math.max(wait, waitFor(buckets.bucket(keys.network(), () -> perNetwork)));
		}
		if (wait > 0) {
			Duration retryAfter = Buckets.retryAfter(wait);
			throw new RetryableApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_sign_in_attempts",
					"Too many wrong passwords. Try again in " + Waits.describe(retryAfter) + ".", retryAfter);
		}
	}

	/** A wrong password (or no such account). */
	public void failed(String email, ClientAddress client) {
		Keys keys = Keys.of(email, client);
		buckets.bucket(keys.accountFromAddress(), () -> perAccount).consumeIgnoringRateLimits(1);
		buckets.bucket(keys.address(), () -> perAddress).consumeIgnoringRateLimits(1);
		buckets.bucket(keys.account(), () -> perAccount).consumeIgnoringRateLimits(1);
		buckets.bucket(keys.network(), () -> perNetwork).consumeIgnoringRateLimits(1);
	}

	/** The right password: this address's typos on this account are forgiven. */
	public void succeeded(String email, ClientAddress client) {
		buckets.bucket(Keys.of(email, client).accountFromAddress(), () -> perAccount).reset();
	}

	private static long waitFor(BucketProxy bucket) {
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
	}

	/** Emails are kept in the buckets' table only as hashes. */
	private record Keys(String accountHash, ClientAddress client) {

		static Keys of(String email, ClientAddress client) {
			return new Keys(sha256(email == null ? "" : email.strip().toLowerCase(Locale.ROOT)), client);
		}

		String account() {
			return "signin:account:" + accountHash;
		}

		String accountFromAddress() {
			return "signin:account:" + accountHash + ":" + client.address();
		}

		String address() {
			return "signin:address:" + client.address();
		}

		String network() {
			return "signin:network:" + client.network();
		}

		private static String sha256(String text) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
