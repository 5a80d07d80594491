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

	/**
	 * The same isolation as a person meets it: many people at once, each through the real API
	 * (sessions, the request filter that sets the acting user, the controllers' queries, several
	 * of which filter by nothing but row-level security), asking for their own things and for
	 * other people's ids.
	 */
	@Test
	void throughTheApiManyPeopleAtOnceEachSeeOnlyTheirOwnPhotosImagesVideosAndBalance() {
		List<Person> people = java.util.stream.IntStream.range(0, 6).mapToObj(this::newPerson).toList();

		List<List<String>> violations = Concurrently.run(48, 12, n -> () -> {
			Person me = people.get(n % people.size());
			Person other = people.get((n % people.size() + 1 + n / people.size() % (people.size() - 1)) % people.size());
			return me.violationsSeeing(other);
		});

		assertThat(violations).hasSize(48).allSatisfy(found -> assertThat(found).isEmpty());
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

	/**
	 * Someone with one photo, one image, one video and a balance of their own (each person a
	 * different one), all made through the API except the video row.
	 */
	private Person newPerson(int index) {
		ApiClient client = ApiClient.signedUp(port);
		Studio studio = new Studio(client);
		String image = studio.imageAtLocation();
		String photo = client.get("/api/images/" + image).json().path("photoId").asString();
		UUID id = UUID.fromString(client.get("/api/me").json().path("id").asString());
		int balance = credits.grant(id, 7 * index + 1, "Test: a balance of their own");
		addVideo(id);
		String video = jdbc.sql("SELECT id FROM video_generations WHERE user_id = ?").param(id).query(String.class).single();
		return new Person(client, id.toString(), photo, image, video, balance);
	}

	private record Person(ApiClient client, String id, String photo, String image, String video, int balance) {

		/** What this person could see that is not theirs, or could not see that is. */
		List<String> violationsSeeing(Person other) {
			List<String> found = new java.util.ArrayList<>();
			ApiClient.Response me = client.get("/api/me");
			expect(found, "me", me.json().path("id").asString() + " " + me.json().path("credits").asInt(),
					id + " " + balance);
			expect(found, "photos", ids(client.get("/api/photos").json().path("items")), List.of(photo));
			expect(found, "images", ids(client.get("/api/images").json()), List.of(image));
			expect(found, "videos", ids(client.get("/api/video").json().path("items")), List.of(video));
			expect(found, "own photo", client.get("/api/photos/" + photo + "/content").status(), 200);
			expect(found, "own image", client.get("/api/images/" + image).status(), 200);
			expect(found, "own video", client.get("/api/video/" + video).status(), 200);
			expect(found, "other's photo", client.get("/api/photos/" + other.photo).status(), 404);
			expect(found, "other's photo content", client.get("/api/photos/" + other.photo + "/content").status(), 404);
			expect(found, "other's image", client.get("/api/images/" + other.image).status(), 404);
			expect(found, "other's image content", client.get("/api/images/" + other.image + "/content").status(), 404);
			expect(found, "other's video", client.get("/api/video/" + other.video).status(), 404);
			return found;
		}

		private static List<String> ids(tools.jackson.databind.JsonNode list) {
			List<String> ids = new java.util.ArrayList<>();
			list.forEach(item -> ids.add(item.path("id").asString()));
			return ids;
		}

		private void expect(List<String> found, String what, Object actual, Object expected) {
			if (!actual.equals(expected)) {
				found.add(id + " " + what + ": expected " + expected + " but got " + actual);
			}
		}

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
