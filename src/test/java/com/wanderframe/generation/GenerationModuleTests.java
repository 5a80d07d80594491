package com.wanderframe.generation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.wanderframe.credits.Credits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generation core on its own (with only the modules it needs: credits, rate limits,
 * Replicate's client, media, platform), driven through a kind and a generator made for the
 * test: what the engine promises every kind, whatever its model.
 */
// The embedded PostgreSQL (platform) is what every module stands on; include it explicitly.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@Import(GenerationModuleTests.TestKindConfiguration.class)
@TestPropertySource(properties = "wanderframe.generation.sweep-interval=500ms")
class GenerationModuleTests {

	@Autowired
	Generations generations;

	@Autowired
	Credits credits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestGenerator generator;

	@Test
	void aGenerationIsChargedOnceRunInTheBackgroundAndCompleted() {
		UUID user = person();

		GenerationId id = accept(user, "complete");

		await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("completed"));
		assertThat(jdbc.sql("SELECT output FROM test_generations WHERE id = ?").param(id.value()).query(String.class).single())
			.isEqualTo("made: complete");
		assertThat(ledger(id)).containsExactly("charge");
		assertThat(credits.balanceOf(user)).isEqualTo(7);
		assertThat(generations.fail(ModelKind.VIDEO, id, Failure.Reason.GENERATION_FAILED.of("test"))).isFalse();
		assertThat(status(id)).isEqualTo("completed");
	}

	@Test
	void aFailureRefundsExactlyOnceHoweverOftenItIsReported() {
		UUID user = person();

		GenerationId id = accept(user, "fail");

		await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("failed"));
		assertThat(jdbc.sql("SELECT error_code FROM test_generations WHERE id = ?").param(id.value()).query(String.class).single())
			.isEqualTo("render_failed");
		for (int i = 0; i < 3; i++) {
			assertThat(generations.fail(ModelKind.VIDEO, id, Failure.Reason.CANCELED.of("test"))).isFalse();
		}
		assertThat(ledger(id)).containsExactlyInAnyOrder("charge", "refund");
		assertThat(credits.balanceOf(user)).isEqualTo(10);
	}

	@Test
	void theSweeperStopsWhatOutlivesItsDeadlineRefundsItAndCancelsItUpstream() {
		UUID user = person();

		GenerationId id = accept(user, "hang");

		await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("failed"));
		assertThat(jdbc.sql("SELECT error_code FROM test_generations WHERE id = ?").param(id.value()).query(String.class).single())
			.isEqualTo("timed_out");
		assertThat(ledger(id)).containsExactlyInAnyOrder("charge", "refund");
		assertThat(credits.balanceOf(user)).isEqualTo(10);
		assertThat(generator.canceled).containsExactly("upstream-" + id);
	}

	@Test
	void withoutEnoughCreditsNothingIsWritten() {
		UUID user = person();
		GenerationId spent = accept(user, "complete");
		await().atMost(Duration.ofSeconds(30)).until(() -> status(spent).equals("completed"));
		accept(user, "complete");
		accept(user, "complete");

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> accept(user, "complete"))
			.isInstanceOf(com.wanderframe.credits.InsufficientCreditsException.class);

		assertThat(jdbc.sql("SELECT count(*) FROM test_generations WHERE user_id = ?").param(user).query(Long.class).single())
			.isEqualTo(3);
	}

	private GenerationId accept(UUID user, String prompt) {
		return generations.accept(ModelKind.VIDEO, ModelCatalogue.find(ModelCatalogue.LOCAL_MOTION).orElseThrow(), user, 3,
				"Test generation", id -> jdbc
			.sql("INSERT INTO test_generations (id, user_id, model, prompt) VALUES (?, ?, ?, ?)")
			.params(id.value(), user, ModelCatalogue.LOCAL_MOTION, prompt)
			.update()).id();
	}

	private UUID person() {
		UUID user = jdbc.sql("INSERT INTO users (email, password_hash) VALUES (?, 'not a hash') RETURNING id")
			.param("engine-" + UUID.randomUUID() + "@example.com")
			.query(UUID.class)
			.single();
		credits.open(user);
		return user;
	}

	private String status(GenerationId id) {
		return jdbc.sql("SELECT status FROM test_generations WHERE id = ?").param(id.value()).query(String.class).single();
	}

	private List<String> ledger(GenerationId id) {
		return jdbc.sql("SELECT kind FROM credit_ledger WHERE reference = ? ORDER BY created_at, kind")
			.param(id.value())
			.query(String.class)
			.list();
	}

	/** A kind over a table of its own, and a generator that does what the prompt says. */
	@TestConfiguration
	static class TestKindConfiguration {

		@Bean
		TestKind testKind(JdbcClient jdbc) {
			return new TestKind(jdbc);
		}

		@Bean
		TestGenerator testGenerator() {
			return new TestGenerator(ModelCatalogue.LOCAL_MOTION);
		}

		/** The catalogue's other local model must have a generator too; this test never runs it. */
		@Bean
		Generator compositorStandIn() {
			return new Generator() {

				@Override
				public String model() {
					return ModelCatalogue.LOCAL_COMPOSITOR;
				}

				@Override
				public Step start(GenerationJob job) {
					throw new UnsupportedOperationException("not used here");
				}

			};
		}

	}

	static class TestKind implements GenerationKind {

		private final JdbcClient jdbc;

		private final GenerationTable table;

		TestKind(JdbcClient jdbc) {
			this.jdbc = jdbc;
			jdbc.sql("""
					CREATE TABLE IF NOT EXISTS test_generations (
					    id uuid PRIMARY KEY, user_id uuid NOT NULL, model text NOT NULL, prompt text NOT NULL,
					    status text NOT NULL DEFAULT 'pending', provider_prediction_id text, progress integer NOT NULL DEFAULT 0,
					    output text, error_code text, error_message text, created_at timestamptz NOT NULL DEFAULT now(),
					    started_at timestamptz, completed_at timestamptz)
					""").update();
			this.table = new GenerationTable(jdbc, "test_generations", true);
		}

		@Override
		public ModelKind kind() {
			return ModelKind.VIDEO;
		}

		@Override
		public String noun() {
			return "test";
		}

		@Override
		public GenerationTable table() {
			return table;
		}

		@Override
		public Timing timing() {
			return new Timing(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMinutes(1),
					false);
		}

		@Override
		public GenerationInputs inputs(GenerationRow row) {
			String prompt = jdbc.sql("SELECT prompt FROM test_generations WHERE id = ?")
				.param(row.id().value())
				.query(String.class)
				.single();
			return new GenerationInputs(prompt, Map.of(), 6, "512p", null, null, null, null, Map.of(), null);
		}

		@Override
		public void complete(GenerationRow row, Path output) throws java.io.IOException {
			table.complete(row.id(), Map.of("output", Files.readString(output)));
		}

	}

	static class TestGenerator implements Generator {

		private final String model;

		final List<String> canceled = new CopyOnWriteArrayList<>();

		TestGenerator(String model) {
			this.model = model;
		}

		@Override
		public String model() {
			return model;
		}

		@Override
		public Step start(GenerationJob job) throws java.io.IOException {
			return switch (job.inputs().prompt()) {
				case "fail" -> throw new GenerationFailedException(Failure.Reason.RENDER_FAILED, "asked to fail");
				case "hang" -> new Step.Started("upstream-" + job.id());
				default -> new Step.Produced(Files.writeString(job.workDir().resolve("out.txt"), "made: " + job.inputs().prompt()));
			};
		}

		@Override
		public void cancel(GenerationRow row) {
			canceled.add(row.predictionId());
		}

	}

}
