package com.wanderframe.replicate.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.ReplicateException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replicate's signature scheme, checked against signatures made the way FakeReplicate (and Replicate) make them. */
class ReplicateWebhookVerifierTests {

	private static final long NOW = 1_790_000_000L;

	private static final String BODY = "{\"id\":\"p1\",\"status\":\"succeeded\"}";

	private final ReplicateWebhookVerifier verifier = new ReplicateWebhookVerifier(
			() -> Base64.getDecoder().decode(FakeReplicate.WEBHOOK_SECRET.substring("whsec_".length())),
			Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

	@Test
	void acceptsWhatReplicateSigned() {
		assertThat(verify("msg_1", NOW, FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "msg_1", NOW, BODY), BODY))
			.isTrue();
	}

	@Test
	void acceptsWhenAnyOfSeveralSignaturesMatches() {
		String valid = FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "msg_1", NOW, BODY);
		String other = FakeReplicate.sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), "msg_1", NOW,
				BODY);

		assertThat(verify("msg_1", NOW, other + " v2,bm9wZQ== v1,!!notbase64 " + valid, BODY)).isTrue();
		assertThat(verify("msg_1", NOW, other + " v1,bm9wZQ==", BODY)).isFalse();
	}

	@Test
	void refusesAChangedBodyIdOrTimestamp() {
		String signature = FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "msg_1", NOW, BODY);

		assertThat(verify("msg_1", NOW, signature, BODY.replace("succeeded", "failed"))).isFalse();
		assertThat(verify("msg_2", NOW, signature, BODY)).isFalse();
		assertThat(verify("msg_1", NOW - 1, signature, BODY)).isFalse();
	}

	@Test
	void toleratesFiveMinutesOfClockDifferenceEitherWayAndNoMore() {
		assertThat(verify("m", NOW - 300, FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "m", NOW - 300, BODY), BODY))
			.isTrue();
		assertThat(verify("m", NOW + 300, FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "m", NOW + 300, BODY), BODY))
			.isTrue();
		assertThat(verify("m", NOW - 301, FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "m", NOW - 301, BODY), BODY))
			.isFalse();
		assertThat(verify("m", NOW + 301, FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "m", NOW + 301, BODY), BODY))
			.isFalse();
	}

	@Test
	void refusesMissingOrMalformedHeaders() {
		String signature = FakeReplicate.sign(FakeReplicate.WEBHOOK_SECRET, "m", NOW, BODY);
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

		assertThat(verifier.verify(null, Long.toString(NOW), signature, body)).isFalse();
		assertThat(verifier.verify("m", null, signature, body)).isFalse();
		assertThat(verifier.verify("m", Long.toString(NOW), null, body)).isFalse();
		assertThat(verifier.verify("m", "yesterday", signature, body)).isFalse();
		assertThat(verifier.verify("m", Long.toString(NOW), "", body)).isFalse();
		assertThat(verifier.verify("m", Long.toString(NOW), signature, null)).isFalse();
	}

	@Test
	void withoutAConfiguredSecretItIsFetchedFromReplicateOnce() {
		try (FakeReplicate replicate = new FakeReplicate()) {
			ReplicateProperties properties = ReplicateClientTests.properties(replicate.baseUrl(), FakeReplicate.TOKEN,
					null);
			ReplicateWebhookSecret secret = new ReplicateWebhookSecret(properties, new HttpReplicateClient(properties));
			ReplicateWebhookVerifier fetching = new ReplicateWebhookVerifier(secret);
			long now = Instant.now().getEpochSecond();
			String signature = replicate.sign("msg_1", now, BODY);

			boolean first = fetching.verify("msg_1", Long.toString(now), signature, BODY.getBytes(StandardCharsets.UTF_8));
			boolean second = fetching.verify("msg_1", Long.toString(now), signature, BODY.getBytes(StandardCharsets.UTF_8));

			assertThat(first).isTrue();
			assertThat(second).isTrue();
			assertThat(replicate.webhookSecretFetches()).isEqualTo(1);
		}
	}

	@Test
	void aConfiguredSecretIsUsedWithoutAskingReplicate() {
		try (FakeReplicate replicate = new FakeReplicate()) {
			ReplicateProperties properties = ReplicateClientTests.properties(replicate.baseUrl(), FakeReplicate.TOKEN,
					FakeReplicate.WEBHOOK_SECRET);
			ReplicateWebhookSecret secret = new ReplicateWebhookSecret(properties, new HttpReplicateClient(properties));

			assertThat(secret.key()).hasSize(32);
			assertThat(replicate.webhookSecretFetches()).isZero();
		}
	}

	@Test
	void anUnreachableReplicateMeansTheSecretIsUnavailableNotWrong() {
		ReplicateProperties properties = ReplicateClientTests.properties("http://127.0.0.1:1/v1", FakeReplicate.TOKEN,
				null);
		ReplicateWebhookSecret secret = new ReplicateWebhookSecret(properties, new HttpReplicateClient(properties));

		assertThatThrownBy(secret::key).isInstanceOf(ReplicateException.class);
	}

	private boolean verify(String id, long timestamp, String signature, String body) {
		return verifier.verify(id, Long.toString(timestamp), signature, body.getBytes(StandardCharsets.UTF_8));
	}

}
