package com.wanderframe.account;

import java.util.List;
import java.util.UUID;

import com.wanderframe.ApiClient;
import com.wanderframe.Concurrently;
import com.wanderframe.Studio;
import com.wanderframe.credits.Credits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security, for real: queries below have no owner filter on purpose.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RowLevelSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Credits credits;

	@Test
	void anActingUserSeesOnlyTheirOwnRowsEvenUnderConcurrencyOnASharedPool() {
		UUID alice = newUserWithAnImageAndAVideo();
		UUID bob = newUserWithAnImageAndAVideo();

		List<Boolean> onlyOwnRows = Concurrently.run(200, 12, i -> () -> {
			UUID actor = i % 2 == 0 ? alice : bob;
			return ActingUser.callAs(actor, () -> transactions.execute(status -> {
				List<UUID> ledgerOwners = jdbc.sql("SELECT user_id FROM credit_ledger").query(UUID.class).list();
				List<UUID> videoOwners = jdbc.sql("SELECT user_id FROM video_generations").query(UUID.class).list();
				List<UUID> accounts = jdbc.sql("SELECT id FROM users").query(UUID.class).list();
				List<UUID> balanceOwners = jdbc.sql("SELECT user_id FROM credit_accounts").query(UUID.class).list();
				List<UUID> photoOwners = jdbc.sql("SELECT user_id FROM photos").query(UUID.class).list();
				List<UUID> imageOwners = jdbc.sql("SELECT user_id FROM generated_images").query(UUID.class).list();
				return !ledgerOwners.isEmpty() && ledgerOwners.stream().allMatch(actor::equals)
						&& videoOwners.equals(List.of(actor)) && accounts.equals(List.of(actor))
						&& balanceOwners.equals(List.of(actor)) && photoOwners.equals(List.of(actor))
						&& imageOwners.equals(List.of(actor));
			}));
		});

		assertThat(onlyOwnRows).hasSize(200).containsOnly(true);
	}

	@Test
	void backgroundWorkSeesEveryonesRows() {
		UUID alice = newUserWithAVideo();
		UUID bob = newUserWithAVideo();

		List<UUID> owners = transactions
			.execute(status -> jdbc.sql("SELECT user_id FROM video_generations").query(UUID.class).list());

		assertThat(owners).contains(alice, bob);
	}

	@Test
	void theIdentityDoesNotOutliveItsTransaction() {
		UUID alice = newUserWithAVideo();
		newUserWithAVideo();

		ActingUser.callAs(alice, () -> transactions
			.execute(status -> jdbc.sql("SELECT count(*) FROM video_generations").query(Long.class).single()));
		long seenAfterwards = transactions
			.execute(status -> jdbc.sql("SELECT count(*) FROM video_generations").query(Long.class).single());

		assertThat(seenAfterwards).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aRequestCannotRewriteStatusOutputOrSomeoneElsesRows() {
		UUID alice = newUserWithAVideo();
		UUID bob = newUserWithAVideo();

		assertThatThrownBy(() -> ActingUser.callAs(alice, () -> transactions.execute(status -> jdbc
			.sql("UPDATE video_generations SET status = 'failed', error_code = 'x' WHERE user_id = ?")
			.param(alice)
			.update()))).rootCause().hasMessageContaining("permission denied");
		int hiddenOfBob = ActingUser.callAs(alice, () -> transactions.execute(status -> jdbc
			.sql("UPDATE video_generations SET deleted_at = now() WHERE user_id = ?")
			.param(bob)
			.update()));
		assertThatThrownBy(() -> ActingUser.callAs(alice, () -> transactions.execute(status -> jdbc
			.sql("INSERT INTO credit_ledger (user_id, kind, amount, reference, reason) VALUES (?, 'refund', 100, ?, 'free money')")
			.params(alice, UUID.randomUUID())
			.update()))).rootCause().hasMessageContaining("permission denied");

		assertThat(hiddenOfBob).isZero();
		assertThat(credits.balanceOf(alice)).isEqualTo(10);
	}

	/** Signs up, uploads a selfie and makes one image of it over the API, then adds a video. */
	private UUID newUserWithAnImageAndAVideo() {
		ApiClient client = ApiClient.signedUp(port);
		new Studio(client).imageAtLocation();
		return addVideo(UUID.fromString(client.get("/api/me").json().path("id").asString()));
	}

	private UUID newUserWithAVideo() {
		return addVideo(UUID.fromString(ApiClient.signedUp(port).get("/api/me").json().path("id").asString()));
	}

	private UUID addVideo(UUID user) {
		jdbc.sql("""
				INSERT INTO video_generations (user_id, image_id, image_url, prompt, effective_prompt, model,
				    duration_seconds, resolution, cost)
				VALUES (?, gen_random_uuid(), 'images/x.png', 'slow push in', 'slow push in', 'local', 6, '768p', 5)
				""").param(user).update();
		return user;
	}

}
