package com.wanderframe.account;

import java.util.UUID;

import com.wanderframe.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The failure mode itself: a query for a signed-in person that forgets its transaction (and so
 * would run as the table owner, outside row-level security) is refused instead of seeing
 * everyone's rows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RowLevelSecurityFailsClosedTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aPersonsQueryOutsideATransactionIsRefusedNotAnsweredWithEveryonesRows() {
		UUID alice = signedUp();
		signedUp();

		assertThatThrownBy(() -> ActingUser.callAs(alice,
				() -> jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()))
			.isInstanceOf(CannotGetJdbcConnectionException.class)
			.rootCause()
			.hasMessageContaining("outside a transaction");
		long seenInATransaction = ActingUser.callAs(alice,
				() -> transactions.execute(status -> jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()));

		assertThat(seenInATransaction).isEqualTo(1);
	}

	@Test
	void backgroundWorkOutsideATransactionIsUnaffected() {
		signedUp();
		signedUp();

		assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	private UUID signedUp() {
		return UUID.fromString(ApiClient.signedUp(port).get("/api/me").json().path("id").asString());
	}

}
