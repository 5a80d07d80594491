package com.wanderframe.account;

import java.util.UUID;
import java.util.function.Supplier;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import org.junit.jupiter.api.BeforeEach;
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
 * What a SQL bug on a request path could do, tried as the request role itself (a person's
 * transaction): it cannot read sessions or jobs, forge a job, or record a generation that was
 * not paid for or that points at another person's media.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestRoleGrantsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	UUID alice;

	UUID bob;

	String bobsImage;

	String bobsImageKey;

	String bobsPhoto;

	@BeforeEach
	void twoPeopleWithAnImageEach() {
		ApiClient aliceClient = ApiClient.signedUp(port);
		new Studio(aliceClient).imageAtLocation();
		alice = idOf(aliceClient);
		ApiClient bobClient = ApiClient.signedUp(port);
		bobsImage = new Studio(bobClient).imageAtLocation();
		bob = idOf(bobClient);
		bobsImageKey = jdbc.sql("SELECT media_key FROM generated_images WHERE id = ?::uuid").param(bobsImage)
			.query(String.class).single();
		bobsPhoto = jdbc.sql("SELECT photo_id::text FROM generated_images WHERE id = ?::uuid").param(bobsImage)
			.query(String.class).single();
	}

	@Test
	void sessionsAreNeitherReadableNorWritable() {
		assertRefused(() -> asAlice("SELECT count(*) FROM spring_session"));
		assertRefused(() -> asAlice("SELECT count(*) FROM spring_session_attributes"));
		assertRefused(() -> asAlice("DELETE FROM spring_session"));
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single()).isPositive();
	}

	@Test
	void jobsCannotBeReadChangedOrForged() {
		assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single()).isPositive();

		assertThat(asAlice("SELECT count(*) FROM scheduled_tasks")).isZero();
		assertRefused(() -> asAlice("UPDATE scheduled_tasks SET execution_time = now()"));
		assertRefused(() -> asAlice("DELETE FROM scheduled_tasks"));
		// Bob's image is finished: a job for it would redo his work on Alice's request.
		assertRefused(() -> asAlice("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
				+ " VALUES ('generation-start', 'image:" + bobsImage + "', now(), false, 1)"));
		assertRefused(() -> asAlice("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
				+ " VALUES ('generation-deadline-sweep', 'x', now(), false, 1)"));
	}

	@Test
	void aVideoRowMustBePaidForAndAnimateTheirOwnImage() {
		String alicesImage = jdbc.sql("SELECT id::text FROM generated_images WHERE user_id = ? AND status = 'completed'")
			.param(alice).query(String.class).single();
		String alicesKey = jdbc.sql("SELECT media_key FROM generated_images WHERE id = ?::uuid").param(alicesImage)
			.query(String.class).single();

		// never paid for
		assertRefused(() -> insertVideo(UUID.randomUUID(), alicesImage, alicesKey, 3, false));
		// paid 3, recorded as costing 0
		assertRefused(() -> insertVideo(UUID.randomUUID(), alicesImage, alicesKey, 0, true));
		// Bob's image, by his id or by his media key under Alice's image id
		assertRefused(() -> insertVideo(UUID.randomUUID(), bobsImage, bobsImageKey, 3, true));
		assertRefused(() -> insertVideo(UUID.randomUUID(), alicesImage, bobsImageKey, 3, true));

		// paid 3 (6 s at 512p) but recorded as a model with no such price, or as a model there is not
		assertRefused(() -> insertVideo(UUID.randomUUID(), alicesImage, alicesKey, 3, true, "minimax/hailuo-2.3"));
		assertRefused(() -> insertVideo(UUID.randomUUID(), alicesImage, alicesKey, 3, true, "someone/else"));

		assertThat(insertVideo(UUID.randomUUID(), alicesImage, alicesKey, 3, true)).as("the honest insert").isEqualTo(1);
	}

	@Test
	void anImageRowMustBePaidForAndUseTheirOwnPhoto() {
		String alicesPhoto = jdbc.sql("SELECT id::text FROM photos WHERE user_id = ?").param(alice)
			.query(String.class).list().get(0);

		assertRefused(() -> insertImage(UUID.randomUUID(), alicesPhoto, false));
		assertRefused(() -> insertImage(UUID.randomUUID(), bobsPhoto, true));

		assertThat(insertImage(UUID.randomUUID(), alicesPhoto, true)).as("the honest insert").isEqualTo(1);
	}

	@Test
	void theTraceAJobContinuesIsAddedOnlyForTheirOwnPendingGenerationAndNeverRead() {
		String traceparent = "'00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'";
		// Bob's image (finished, and not hers), or an id that is no generation at all
		assertRefused(() -> asAlice("INSERT INTO job_trace_parents (subject, traceparent) VALUES ('" + bobsImage + "', "
				+ traceparent + ")"));
		assertRefused(() -> asAlice("INSERT INTO job_trace_parents (subject, traceparent) VALUES ('" + UUID.randomUUID()
				+ "', " + traceparent + ")"));
		assertRefused(() -> asAlice("SELECT count(*) FROM job_trace_parents"));
		assertRefused(() -> asAlice("DELETE FROM job_trace_parents"));

		String alicesPhoto = jdbc.sql("SELECT id::text FROM photos WHERE user_id = ?").param(alice)
			.query(String.class).list().get(0);
		UUID pending = UUID.randomUUID();
		int added = ActingUser.callAs(alice, () -> transactions.execute(status -> {
			jdbc.sql("SELECT charge_credits(?, 1, ?, 'test')").params(alice, pending).query(Integer.class).single();
			jdbc.sql("INSERT INTO generated_images (id, user_id, photo_id, location, cost, model)"
					+ " VALUES (?, ?, ?::uuid, 'paris', 1, 'local/compositor')").params(pending, alice, alicesPhoto).update();
			return jdbc.sql("INSERT INTO job_trace_parents (subject, traceparent) VALUES (?, " + traceparent + ")")
				.param(pending)
				.update();
		}));
		assertThat(added).as("the honest insert, beside the generation it traces").isEqualTo(1);
	}

	@Test
	void aPhotoRowMustPointIntoTheirOwnMedia() {
		assertRefused(() -> asAlice("INSERT INTO photos (id, user_id, media_key, content_type, width, height) VALUES ("
				+ "gen_random_uuid(), '" + alice + "', '" + bobsImageKey + "', 'image/jpeg', 10, 10)"));
		assertRefused(() -> asAlice("INSERT INTO photos (id, user_id, media_key, content_type, width, height) VALUES ("
				+ "gen_random_uuid(), '" + alice + "', 'photos/" + bob + "/x.jpg', 'image/jpeg', 10, 10)"));
	}

	private int insertVideo(UUID id, String imageId, String imageKey, int cost, boolean charge) {
		return insertVideo(id, imageId, imageKey, cost, charge, "local/motion");
	}

	private int insertVideo(UUID id, String imageId, String imageKey, int cost, boolean charge, String model) {
		return ActingUser.callAs(alice, () -> transactions.execute(status -> {
			if (charge) {
				jdbc.sql("SELECT charge_credits(?, 3, ?, 'test')").params(alice, id).query(Integer.class).single();
			}
			return jdbc.sql("""
					INSERT INTO video_generations (id, user_id, image_id, image_url, prompt, effective_prompt, model,
					    duration_seconds, resolution, cost)
					VALUES (?, ?, ?::uuid, ?, 'slow push in', 'slow push in', ?, 6, '512p', ?)
					""").params(id, alice, imageId, imageKey, model, cost).update();
		}));
	}

	private int insertImage(UUID id, String photoId, boolean charge) {
		return ActingUser.callAs(alice, () -> transactions.execute(status -> {
			if (charge) {
				jdbc.sql("SELECT charge_credits(?, 1, ?, 'test')").params(alice, id).query(Integer.class).single();
			}
			return jdbc.sql("""
					INSERT INTO generated_images (id, user_id, photo_id, location, cost, model)
					VALUES (?, ?, ?::uuid, 'paris', 1, 'local/compositor')
					""").params(id, alice, photoId).update();
		}));
	}

	private long asAlice(String sql) {
		return ActingUser.callAs(alice, () -> transactions.execute(status -> sql.startsWith("SELECT")
				? jdbc.sql(sql).query(Long.class).single() : jdbc.sql(sql).update()));
	}

	private static void assertRefused(Supplier<?> attempt) {
		assertThatThrownBy(attempt::get).rootCause()
			.hasMessageMatching("(?s).*(permission denied|violates row-level security).*");
	}

	private static UUID idOf(ApiClient client) {
		return UUID.fromString(client.get("/api/me").json().path("id").asString());
	}

}
