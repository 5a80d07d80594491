package com.wanderframe;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape on real parts, each its own process: Debian's PostgreSQL reached through
 * {@code DATABASE_URL}, S3Mock as the media bucket, nginx terminating TLS and balancing two web
 * instances ({@code java -jar}, {@code WANDERFRAME_ROLE=web}), and workers
 * ({@code WANDERFRAME_ROLE=worker}) that run the jobs. A person signs up and in through the
 * balancer (served by both web instances), generates, and follows the progress over SSE through
 * nginx; the worker holding the render is SIGKILLed and another finishes it, charged once; a web
 * instance is stopped and its event stream ends cleanly, and the person carries on on the other.
 * Then a worker is stopped with SIGTERM (as an orchestrator stops it) in the middle of another
 * render: it hands the job back on its way out and the last worker finishes it, charged once.
 * Every job ran to its end exactly once.
 */
class ClusterIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern JOB_ENDED_OK = Pattern.compile("Job (\\S+) ended: ok");

	private static final Pattern JOB_ENDED_OTHERWISE = Pattern.compile("Job (\\S+) ended: (?!ok\\b)\\w+");

	private static final Pattern JOB_STARTED = Pattern.compile("Job (\\S+) started");

	/** Logs and data of every part, kept after a run for the post-mortem of a failure. */
	private final Path dir = Path.of("target", "cluster-it").toAbsolutePath();

	private final List<AutoCloseable> parts = new ArrayList<>();

	private final String bucket = "wanderframe-media";

	private final String s3Secret = UUID.randomUUID().toString();

	private DebianPostgres postgres;

	private int s3Port;

	@AfterEach
	void stopEverything() throws Exception {
		for (int i = parts.size() - 1; i >= 0; i--) {
			try {
				parts.get(i).close();
			}
			catch (Exception ex) {
				// keep stopping the rest
			}
		}
	}

	@org.junit.jupiter.api.BeforeEach
	void freshDirectory() throws IOException {
		org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
	}

	@Test
	void webAndWorkersBehindNginxSurviveAKilledWorkerAndAStoppedWebInstance() throws Exception {
		postgres = DebianPostgres.start();
		parts.add(postgres);
		startBucket();

		int webOnePort = ExternalProcess.freePort();
		int webTwoPort = ExternalProcess.freePort();
		// Five instances start at once on a fresh database: Flyway's lock lets one migrate. Three
		// workers: one is killed, one stopped, and one is left to finish what they held.
		ExternalProcess webOne = app("web-1", "web", webOnePort);
		ExternalProcess webTwo = app("web-2", "web", webTwoPort);
		ExternalProcess workerOne = app("worker-1", "worker", ExternalProcess.freePort());
		ExternalProcess workerTwo = app("worker-2", "worker", ExternalProcess.freePort());
		ExternalProcess workerThree = app("worker-3", "worker", ExternalProcess.freePort());
		List<ExternalProcess> workers = List.of(workerOne, workerTwo, workerThree);
		Map<ExternalProcess, Integer> ports = Map.of(webOne, webOnePort, webTwo, webTwoPort);
		Path nginxDir = Files.createDirectories(dir.resolve("nginx"));
		NginxBalancer nginx = NginxBalancer.start(nginxDir, List.of(webOnePort, webTwoPort));
		parts.add(nginx);
		// A generous deadline: on a shared, busy build machine four JVMs start slowly.
		Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
		for (ExternalProcess app : List.of(webOne, webTwo, workerOne, workerTwo, workerThree)) {
			awaitReady(app, deadline);
		}
		JdbcClient jdbc = postgres.jdbc();
		assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
			.isEqualTo(jdbc.sql("SELECT count(DISTINCT version) FROM flyway_schema_history").query(Integer.class).single());

		// Sign up, then sign in afresh; the requests land on both web instances.
		ApiClient signingUp = nginx.client();
		String email = ApiClient.uniqueEmail();
		ApiClient.Response signup = signingUp.post("/api/auth/signup",
				"{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
		assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
		assertThat(signup.raw().headers().firstValue("Set-Cookie").orElse("")).contains("Secure");
		ApiClient person = nginx.client();
		assertThat(person.post("/api/auth/signin", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}").status())
			.isEqualTo(200);
		Set<String> upstreams = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			ApiClient.Response me = person.get("/api/me");
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().path("email").asString()).isEqualTo(email);
			upstreams.add(servedBy(me.header("X-Upstream")));
		}
		assertThat(upstreams).containsExactlyInAnyOrder("127.0.0.1:" + webOnePort, "127.0.0.1:" + webTwoPort);

		// Generate, and follow the render through nginx while it runs.
		String imageId = new Studio(person).imageAtLocation();
		String id = generate(person, imageId, 10, "512p");
		EventStream followed = EventStream.open(person, id);
		await().atMost(Duration.ofMinutes(3))
			.until(() -> followed.events().stream().anyMatch(event -> event.path("progress").asInt() > 0));
		String holder = await().atMost(Duration.ofMinutes(1))
			.until(() -> pickedBy(jdbc, "generation-start", "video:" + id), picked -> picked != null);
		ExternalProcess killed = named(workers, holder);
		killed.kill();

		// While no one renders (the survivor has not yet seen the killed worker's job go silent),
		// the web instance serving the stream is stopped: the stream ends cleanly, not cut off.
		ExternalProcess stopping = followed.upstream().equals("127.0.0.1:" + webOnePort) ? webOne : webTwo;
		ExternalProcess staying = stopping == webOne ? webTwo : webOne;
		stopping.stop();
		await().atMost(Duration.ofSeconds(30)).until(followed::ended);
		assertThat(followed.failure()).as("the stream was completed, not cut off").isNull();
		assertThat(followed.events()).noneMatch(event -> event.path("status").asString().equals("completed"));

		// The person carries on on the other instance, signed in, and sees the survivor finish it.
		for (int i = 0; i < 3; i++) {
			ApiClient.Response me = person.get("/api/me");
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().path("email").asString()).isEqualTo(email);
			assertThat(servedBy(me.header("X-Upstream"))).isEqualTo("127.0.0.1:" + ports.get(staying));
		}
		EventStream again = EventStream.open(person, id);
		assertThat(again.upstream()).isEqualTo("127.0.0.1:" + ports.get(staying));
		await().atMost(Duration.ofMinutes(4)).until(again::ended);
		assertThat(again.failure()).isNull();
		JsonNode finished = again.events().get(again.events().size() - 1);
		assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("completed");

		// Charged once, and the video is in the bucket and plays.
		assertThat(Ledger.entriesFor(jdbc, id)).containsExactly("charge");
		assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(10 - 1 - 5);
		HttpResponse<byte[]> video = person.send(person.request("/api/video/" + id + "/video.mp4").GET()).raw();
		assertThat(video.statusCode()).isEqualTo(200);
		assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(video.body().length).isGreaterThan(10_000);

		assertThat(killed.log()).contains("Job generation-start/video:" + id + " started")
			.doesNotContain("Job generation-start/video:" + id + " ended");

		// Another person renders; the worker holding it gets SIGTERM (a rolling upgrade, a scale-in).
		// Its shutdown wait is short here, so it hands the render back rather than finishing it.
		ApiClient other = signedUp(nginx);
		Studio otherStudio = new Studio(other);
		String handedBack = generate(other, otherStudio.imageAtLocation(), 10, "768p");
		String rendering = await().atMost(Duration.ofMinutes(3))
			.until(() -> "processing".equals(other.get("/api/video/" + handedBack).json().path("status").asString())
					? pickedBy(jdbc, "generation-start", "video:" + handedBack) : null, picked -> picked != null);
		ExternalProcess stopped = named(workers, rendering);
		ExternalProcess last = workers.stream().filter(w -> w != killed && w != stopped).findFirst().orElseThrow();
		stopped.stop();
		// Handed back on the way out (the job ended and is due again), not left for the heartbeat
		// check to find as a dead worker's.
		assertThat(stopped.log()).contains("Job generation-start/video:" + handedBack + " ended: failed");
		JsonNode rendered = otherStudio.awaitTerminal("/api/video/" + handedBack, Duration.ofMinutes(4));
		assertThat(rendered.path("status").asString()).as(rendered.toString()).isEqualTo("completed");
		assertThat(last.log()).contains("Job generation-start/video:" + handedBack + " ended: ok")
			.doesNotContain("video:" + handedBack + " was held by an instance that stopped answering");
		assertThat(Ledger.entriesFor(jdbc, handedBack)).containsExactly("charge");
		assertThat(other.get("/api/me").json().path("credits").asInt()).isEqualTo(10 - 1 - 8);
		assertThat(jdbc.sql("SELECT v.status FROM video_generations v JOIN users u ON u.id = v.user_id WHERE u.email = ?")
			.param(other.get("/api/me").json().path("email").asString())
			.query(String.class)
			.list()).containsExactly("completed");
		assertThat(other.send(other.request("/api/video/" + handedBack + "/video.mp4").GET()).raw().statusCode())
			.isEqualTo(200);

		// Every job ran to its end exactly once, on a worker; only the killed and the handed-back
		// renders started twice, and the handed-back one is the only run that ended otherwise.
		Map<String, Integer> ended = count(workers, JOB_ENDED_OK);
		Map<String, Integer> started = count(workers, JOB_STARTED);
		assertThat(ended).containsKeys("generation-start/video:" + id, "generation-start/video:" + handedBack)
			.hasSizeGreaterThanOrEqualTo(4);
		assertThat(ended.values()).allMatch(times -> times == 1);
		assertThat(count(workers, JOB_ENDED_OTHERWISE)).isEqualTo(Map.of("generation-start/video:" + handedBack, 1));
		Map<String, Integer> startedMoreThanOnce = new HashMap<>(started);
		startedMoreThanOnce.values().removeIf(times -> times == 1);
		assertThat(startedMoreThanOnce)
			.isEqualTo(Map.of("generation-start/video:" + id, 2, "generation-start/video:" + handedBack, 2));
		for (ExternalProcess web : List.of(webOne, webTwo)) {
			assertThat(web.log()).doesNotContain("Job ").contains("Background jobs are not run here");
		}
	}

	private void startBucket() throws Exception {
		Path root = Files.createDirectories(dir.resolve("bucket"));
		Path portFile = dir.resolve("s3.port");
		ExternalProcess s3 = ExternalProcess.start("s3mock", dir.resolve("s3mock.log"), Map.of(),
				List.of(ExternalProcess.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
						System.getProperty("java.class.path"), "com.wanderframe.media.internal.S3MockMain", root.toString(),
						bucket, portFile.toString()));
		parts.add(s3);
		await().atMost(Duration.ofMinutes(2)).until(() -> {
			assertThat(s3.isAlive()).as("S3Mock exited; see %s", s3.logFile()).isTrue();
			return Files.exists(portFile);
		});
		s3Port = Integer.parseInt(Files.readString(portFile).trim());
	}

	private ExternalProcess app(String name, String role, int port) throws IOException {
		Path data = Files.createDirectories(dir.resolve(name));
		Map<String, String> environment = new HashMap<>();
		environment.put("WANDERFRAME_ROLE", role);
		environment.put("PORT", Integer.toString(port));
		environment.put("DATABASE_URL", postgres.databaseUrl());
		environment.put("DATABASE_POOL_SIZE", "4");
		environment.put("WANDERFRAME_DATA_DIR", data.toString());
		environment.put("WANDERFRAME_MEDIA_STORE", "s3");
		environment.put("S3_BUCKET", bucket);
		environment.put("S3_ENDPOINT", "http://127.0.0.1:" + s3Port);
		environment.put("S3_PATH_STYLE", "true");
		environment.put("AWS_ACCESS_KEY_ID", "cluster-test");
		environment.put("AWS_SECRET_ACCESS_KEY", s3Secret);
		environment.put("WANDERFRAME_TRUSTED_PROXIES", "127.0.0.1");
		environment.put("WANDERFRAME_IMAGE_GENERATOR", "local");
		environment.put("WANDERFRAME_VIDEO_GENERATOR", "local");
		ExternalProcess app = ExternalProcess.start(name, dir.resolve(name + ".log"), environment,
				List.of(ExternalProcess.javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
						PackagedJar.path().toString(), "--server.address=127.0.0.1", "--db-scheduler.scheduler-name=" + name,
						// Quick to notice a dead worker; a worker slowed by a busy machine is not yet dead.
						"--db-scheduler.heartbeat-interval=2s", "--db-scheduler.missed-heartbeats-limit=10",
						"--db-scheduler.polling-interval=1s",
						// A stopped worker waits this long for its running jobs, then hands them back.
						"--db-scheduler.shutdown-max-wait=1s"));
		parts.add(app);
		return app;
	}

	private static void awaitReady(ExternalProcess app, Instant deadline) {
		Matcher[] port = new Matcher[1];
		await().atMost(Duration.between(Instant.now(), deadline).plusSeconds(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(app.isAlive()).as("%s exited; see %s", app, app.logFile()).isTrue();
			port[0] = Pattern.compile("Tomcat started on port (\\d+)").matcher(app.log());
			return port[0].find();
		});
		int actual = Integer.parseInt(port[0].group(1));
		await().atMost(Duration.ofMinutes(1))
			.ignoreExceptions()
			.until(() -> InstanceRolesTests.status(actual, "/actuator/health/readiness") == 200);
	}

	/**
	 * The instance that answered: nginx lists every upstream it tried ({@code a, b}) when the
	 * first could not be reached, the last one answered.
	 */
	static String servedBy(String upstreamHeader) {
		String[] tried = upstreamHeader.split(",\\s*");
		return tried[tried.length - 1].trim();
	}

	private static String generate(ApiClient person, String imageId, int seconds, String resolution) {
		ApiClient.Response started = person.post("/api/video/generate",
				"{\"imageId\":\"%s\",\"prompt\":\"slow push in\",\"duration\":%d,\"resolution\":\"%s\"}"
					.formatted(imageId, seconds, resolution));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().path("id").asString();
	}

	/** A person signed up and in through the balancer. */
	private static ApiClient signedUp(NginxBalancer nginx) {
		ApiClient person = nginx.client();
		ApiClient.Response signup = person.post("/api/auth/signup",
				"{\"email\":\"" + ApiClient.uniqueEmail() + "\",\"password\":\"correct horse\"}");
		assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
		return person;
	}

	private static ExternalProcess named(List<ExternalProcess> processes, String name) {
		return processes.stream().filter(process -> process.toString().equals(name)).findFirst().orElseThrow();
	}

	private static String pickedBy(JdbcClient jdbc, String task, String id) {
		return jdbc.sql("SELECT picked_by FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND picked")
			.params(task, id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static Map<String, Integer> count(List<ExternalProcess> processes, Pattern pattern) {
		Map<String, Integer> counts = new HashMap<>();
		for (ExternalProcess process : processes) {
			Matcher matcher = pattern.matcher(process.log());
			while (matcher.find()) {
				counts.merge(matcher.group(1), 1, Integer::sum);
			}
		}
		return counts;
	}

	/** An SSE stream read on a thread of its own, as a browser's EventSource would. */
	static final class EventStream {

		private final List<JsonNode> events = new CopyOnWriteArrayList<>();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private volatile boolean ended;

		private volatile String upstream;

		static EventStream open(ApiClient client, String id) {
			EventStream stream = new EventStream();
			HttpResponse<Stream<String>> response = client.lines("/api/video/" + id + "/events");
			assertThat(response.statusCode()).isEqualTo(200);
			stream.upstream = servedBy(response.headers().firstValue("X-Upstream").orElse(""));
			Thread reader = new Thread(() -> {
				try (Stream<String> lines = response.body()) {
					lines.filter(line -> line.startsWith("data:"))
						.forEach(line -> stream.events.add(JSON.readTree(line.substring(5))));
				}
				catch (RuntimeException ex) {
					stream.failure.set(ex);
				}
				finally {
					stream.ended = true;
				}
			}, "sse-" + id);
			reader.setDaemon(true);
			reader.start();
			return stream;
		}

		List<JsonNode> events() {
			return events;
		}

		boolean ended() {
			return ended;
		}

		Throwable failure() {
			return failure.get();
		}

		String upstream() {
			return upstream;
		}

	}

}
