package com.wanderframe.video;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.wanderframe.ApiClient;
import com.wanderframe.Concurrently;
import com.wanderframe.Studio;
import com.wanderframe.account.ActingUser;
import com.wanderframe.credits.Credits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money under concurrency: 20 people each send 20 generate requests at once, with balances that
 * pay for only some of them, and about a third of the accepted generations fail (how, each
 * subclass decides). Afterwards every balance equals the sum of its ledger and is not negative,
 * nobody has more completed videos than their balance paid for, every generation has exactly one
 * charge, each failed one exactly one refund and no completed one any.
 */
abstract class MoneyUnderConcurrency {

	static final int PEOPLE = 20;

	static final int REQUESTS_EACH = 20;

	/** 6 s at 512p, the cheapest video. */
	static final int COST = 3;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Credits credits;

	@Autowired
	TransactionTemplate transactions;

	/** The balance person {@code index} has when the requests go out. */
	abstract int balanceOf(int index);

	/** The prompt of one request; a subclass that fails generations by prompt does it here. */
	abstract String prompt(int person, int request);

	/** Whether generation {@code id}, made from {@code prompt}, was set up to fail. */
	abstract boolean mustFail(String id, String prompt);

	@Test
	void everyBalanceStaysItsLedgerSumAndEveryFailureIsRefundedExactlyOnce() {
		List<Person> people = Concurrently.run(PEOPLE, 4, this::newPerson);

		List<Answer> answers = Concurrently.run(PEOPLE * REQUESTS_EACH, 8, n -> () -> {
			Person person = people.get(n % PEOPLE);
			String prompt = prompt(n % PEOPLE, n / PEOPLE);
			ApiClient.Response response = person.client().post("/api/video/generate",
					"{\"imageId\":\"%s\",\"prompt\":\"%s\",\"duration\":6,\"resolution\":\"512p\"}"
						.formatted(person.image(), prompt));
			return new Answer(person, prompt, response.status(),
					response.status() == 202 ? response.json().path("id").asString() : response.code());
		});

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(202, 402));
		assertThat(answers).filteredOn(answer -> answer.status() == 402)
			.allSatisfy(answer -> assertThat(answer.idOrCode()).isEqualTo("insufficient_credits"));
		for (Person person : people) {
			// At least what the balance paid for; more when a refund of one that failed early
			// freed credits for a request still on its way. Never more completed than paid for.
			assertThat(answers).filteredOn(answer -> answer.person() == person && answer.status() == 202)
				.as("generations person %d's %d credits paid for", person.index(), person.balance())
				.hasSizeGreaterThanOrEqualTo(person.balance() / COST);
		}
		List<Answer> accepted = answers.stream().filter(answer -> answer.status() == 202).toList();
		assertThat(accepted).as("some accepted, some refused").isNotEmpty().hasSizeLessThan(answers.size());

		List<String> ids = accepted.stream().map(Answer::idOrCode).toList();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> unfinished(ids) == 0);

		Map<String, String> statuses = statuses(ids);
		long expectedFailures = accepted.stream().filter(answer -> mustFail(answer.idOrCode(), answer.prompt())).count();
		long failed = statuses.values().stream().filter("failed"::equals).count();
		long completed = statuses.values().stream().filter("completed"::equals).count();
		assertThat(failed + completed).isEqualTo(ids.size());
		assertThat(failed).as("about a third failed").isEqualTo(expectedFailures).isPositive();
		assertThat(completed).isPositive();
		for (String id : ids) {
			List<String> entries = jdbc.sql("SELECT kind FROM credit_ledger WHERE reference = ?::uuid ORDER BY kind")
				.param(id)
				.query(String.class)
				.list();
			assertThat(entries).as("ledger of %s generation %s", statuses.get(id), id)
				.isEqualTo(statuses.get(id).equals("failed") ? List.of("charge", "refund") : List.of("charge"));
		}
		for (Person person : people) {
			int balance = jdbc.sql("SELECT balance FROM credit_accounts WHERE user_id = ?")
				.param(person.id())
				.query(Integer.class)
				.single();
			int ledgerSum = jdbc.sql("SELECT coalesce(sum(amount), 0)::int FROM credit_ledger WHERE user_id = ?")
				.param(person.id())
				.query(Integer.class)
				.single();
			long completedOfPerson = accepted.stream()
				.filter(answer -> answer.person() == person && statuses.get(answer.idOrCode()).equals("completed"))
				.count();
			assertThat(balance).as("person %d's balance", person.index())
				.isEqualTo(ledgerSum)
				.isNotNegative()
				.isEqualTo(person.balance() - COST * (int) completedOfPerson);
			assertThat(COST * completedOfPerson).as("person %d's completed videos", person.index())
				.isLessThanOrEqualTo(person.balance());
			assertThat(person.client().get("/api/me").json().path("credits").asInt()).isEqualTo(balance);
		}
	}

	private java.util.concurrent.Callable<Person> newPerson(int index) {
		return () -> {
			ApiClient client = ApiClient.signedUp(port);
			String image = new Studio(client).imageAtLocation();
			UUID id = UUID.fromString(client.get("/api/me").json().path("id").asString());
			int balance = setBalance(id, balanceOf(index));
			return new Person(index, client, id, image, balance);
		};
	}

	/** Grants or spends (as the person, through the real charge) until the balance is {@code target}. */
	private int setBalance(UUID user, int target) {
		int balance = credits.balanceOf(user);
		if (balance < target) {
			return credits.grant(user, target - balance, "Test: starting balance");
		}
		if (balance > target) {
			int spend = balance - target;
			return ActingUser.callAs(user, () -> transactions
				.execute(status -> credits.charge(user, spend, UUID.randomUUID(), "Test: spent elsewhere")));
		}
		return balance;
	}

	private long unfinished(List<String> ids) {
		return statuses(ids).values().stream().filter(status -> !status.equals("completed") && !status.equals("failed")).count();
	}

	private Map<String, String> statuses(List<String> ids) {
		return jdbc.sql("SELECT id::text, status FROM video_generations WHERE id::text IN (:ids)")
			.param("ids", ids)
			.query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	record Person(int index, ApiClient client, UUID id, String image, int balance) {

		@Override
		public String toString() {
			return "person " + index;
		}

	}

	record Answer(Person person, String prompt, int status, String idOrCode) {
	}

}
