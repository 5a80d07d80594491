package com.wanderframe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.wanderframe.ApiClient;
import com.wanderframe.DebianPostgres;
import com.wanderframe.ExternalProcess;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import com.wanderframe.video.internal.render.RenderBench;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.wanderframe.bench.Results.median;
import static com.wanderframe.bench.Results.percentile;

/**
 * Sections 2 to 5 of the benchmark, against the packaged jar as production runs it: its own
 * PostgreSQL (Debian's, as {@code ClusterIT} uses), Replicate faked by {@code FakeReplicate}
 * (so nothing renders upstream), a JVM load generator over {@code java.net.http}, and Chromium.
 */
final class AppBench implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String HOSTED = "minimax/hailuo-02";

	private final Results results;

	private final int samples;

	private final Path dir;

	private final DebianPostgres postgres;

	private final FakeReplicate replicate;

	private final ExternalProcess app;

	private final int port;

	private final String metricsToken = UUID.randomUUID().toString();

	/** One client for all people (each request carries its person's cookies), as wrk would. */
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<Person> people = new ArrayList<>();

	private ApiClient seed;

	private String seedImage;

	record Person(String id, String session, String xsrf, String imageId) {
	}

	AppBench(Results results, int samples, Path dir) throws Exception {
		this.results = results;
		this.samples = samples;
		this.dir = dir;
		this.postgres = DebianPostgres.start();
		this.replicate = new FakeReplicate();
		this.port = ExternalProcess.freePort();
		Map<String, String> env = new HashMap<>();
		env.put("PORT", Integer.toString(port));
		env.put("DATABASE_URL", postgres.databaseUrl());
		env.put("WANDERFRAME_DATA_DIR", dir.resolve("data").toString());
		env.put("REPLICATE_API_TOKEN", replicate.token());
		env.put("REPLICATE_BASE_URL", replicate.baseUrl());
		env.put("REPLICATE_WEBHOOK_SECRET", replicate.webhookSecret());
		env.put("APP_PUBLIC_URL", "http://127.0.0.1:" + port);
		env.put("WANDERFRAME_IMAGE_GENERATOR", "local");
		env.put("WANDERFRAME_VIDEO_GENERATOR", "local");
		env.put("WANDERFRAME_METRICS_TOKEN", metricsToken);
		// the load is the point: no limit of a person or of the deployment may cut it short
		env.put("WANDERFRAME_SIGNUP_CREDITS", "100000");
		env.put("WANDERFRAME_GENERATIONS_PER_MINUTE", "1000000");
		env.put("WANDERFRAME_GENERATIONS_PER_HOUR", "1000000");
		env.put("WANDERFRAME_MAX_UNFINISHED_GENERATIONS", "1000000");
		env.put("WANDERFRAME_HOSTED_CREDITS_PER_HOUR", "1000000000");
		env.put("WANDERFRAME_SIGNUPS_PER_ADDRESS_PER_HOUR", "100000");
		env.put("WANDERFRAME_SIGNUPS_PER_NETWORK_PER_HOUR", "100000");
		env.put("WANDERFRAME_STREAMS_PER_PERSON", "5000");
		env.put("WANDERFRAME_STREAMS_PER_GENERATION", "5000");
		replicate.onModel(HOSTED).respondWith(Scenario.neverFinishes());
		this.app = ExternalProcess.start("app", dir.resolve("app.log"), env,
				List.of(ExternalProcess.javaBinary(), "-Xmx1g", "-jar", jar().toString()));
		// a busy machine can take minutes to start a Spring app
		Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
		while (status("/actuator/health/readiness") != 200) {
			if (!app.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The app did not become ready; see " + dir.resolve("app.log"));
			}
			Thread.sleep(250); // polling a process we started, outside any test
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(path -> path.toString().endsWith(".jar") && !path.toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packaged jar: run ./mvnw -Pbench verify"))
				.toAbsolutePath();
		}
	}

	private int status(String path) {
		try {
			return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private HttpRequest.Builder as(Person person, String path) {
		return HttpRequest.newBuilder(uri(path))
			.header("Cookie", "SESSION=" + person.session() + "; XSRF-TOKEN=" + person.xsrf())
			.header("X-XSRF-TOKEN", person.xsrf());
	}

	/** 200 signed-in people, each with a finished image (copies of one the local compositor made). */
	void signUp(int count) throws Exception {
		seed = new ApiClient(port);
		seed.post("/api/auth/signup", "{\"email\":\"" + ApiClient.uniqueEmail() + "\",\"password\":\"correct horse\"}");
		seedImage = new Studio(seed).imageAtLocation();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<String[]>> signups = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			signups.add(pool.submit(() -> {
				ApiClient client = new ApiClient(port);
				ApiClient.Response response = client.post("/api/auth/signup",
						"{\"email\":\"" + ApiClient.uniqueEmail() + "\",\"password\":\"correct horse\"}");
				if (response.status() != 201) {
					throw new IllegalStateException("sign-up failed: " + response);
				}
				String xsrf = client.request("/api/me").build().headers().firstValue("X-XSRF-TOKEN").orElseThrow();
				return new String[] { response.json().path("id").asString(), client.sessionCookie(), xsrf };
			}));
		}
		List<String[]> accounts = new ArrayList<>();
		for (Future<String[]> signup : signups) {
			accounts.add(signup.get(2, TimeUnit.MINUTES));
		}
		pool.shutdown();
		try (Connection db = owner(); PreparedStatement copy = db.prepareStatement("""
				INSERT INTO generated_images (id, user_id, photo_id, location, status, media_key, content_type, width,
				    height, cost, model, started_at, completed_at)
				SELECT ?, ?, photo_id, location, 'completed', media_key, content_type, width, height, 0, model, now(), now()
				FROM generated_images WHERE id = ?""")) {
			for (String[] account : accounts) {
				String image = UUID.randomUUID().toString();
				copy.setObject(1, UUID.fromString(image));
				copy.setObject(2, UUID.fromString(account[0]));
				copy.setObject(3, UUID.fromString(seedImage));
				copy.executeUpdate();
				people.add(new Person(account[0], account[1], account[2], image));
			}
		}
	}

	private Connection owner() throws SQLException {
		URI url = URI.create(postgres.databaseUrl());
		String[] user = url.getUserInfo().split(":", 2);
		return DriverManager.getConnection("jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + url.getPath(),
				user[0], user[1]);
	}

	// ---- 2. render throughput ----

	void throughput() throws Exception {
		String section = "throughput";
		Path picture = dir.resolve("seed-image.jpg");
		Files.write(picture, seed.get("/api/images/" + seedImage + "/content").bytes());
		List<Double> requestToCompleted = new ArrayList<>();
		Map<Integer, List<Double>> perClip = new HashMap<>();
		localClips(1); // warm-up
		for (int queued : new int[] { 1, 2, 4 }) {
			int rounds = queued == 1 ? samples : Math.max(2, samples / queued + 1);
			for (int round = 0; round < rounds; round++) {
				List<JsonNode> done = localClips(queued);
				Instant first = done.stream().map(v -> Instant.parse(v.path("createdAt").asString())).min(Instant::compareTo).orElseThrow();
				Instant last = done.stream().map(v -> Instant.parse(v.path("completedAt").asString())).max(Instant::compareTo).orElseThrow();
				perClip.computeIfAbsent(queued, k -> new ArrayList<>()).add(Duration.between(first, last).toMillis() / 1000.0 / queued);
				if (queued == 1) {
					requestToCompleted.add(Duration.between(first, last).toMillis() / 1000.0);
				}
			}
		}
		List<Double> zoompan = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			zoompan.add(RenderBench.zoompan(picture, 768, 6, RenderBench.PROMPT, dir.resolve("seed-zoompan.mp4")).wall());
		}
		double one = 60 / median(perClip.get(1));
		for (int queued : new int[] { 2, 4 }) {
			double rate = 60 / median(perClip.get(queued));
			results.add(section, queued + " queued: 6 s 768p clips per minute", rate, "clips/min", "1 at a time", one,
					queued == 4 ? "≥ 0.95×" : null, queued == 4 ? rate / one >= 0.95 : null);
		}
		double local = median(requestToCompleted), reference = median(zoompan);
		results.add(section, "request → completed, 6 s 768p local", local, "s", "zoompan, same picture", reference,
				"≤ 1.0×", local <= reference);
	}

	private List<JsonNode> localClips(int count) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ApiClient.Response started = seed.post("/api/video/generate", "{\"imageId\":\"" + seedImage + "\",\"prompt\":\""
					+ RenderBench.PROMPT + "\",\"model\":\"local/motion\",\"duration\":6,\"resolution\":\"768p\"}");
			if (started.status() != 202) {
				throw new IllegalStateException("local generation refused: " + started);
			}
			ids.add(started.json().path("id").asString());
		}
		List<JsonNode> done = new ArrayList<>();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		for (String id : ids) {
			while (true) {
				JsonNode video = seed.get("/api/video/" + id).json();
				String status = video.path("status").asString();
				if (status.equals("completed")) {
					done.add(video);
					break;
				}
				if (status.equals("failed") || Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("local clip did not complete: " + video);
				}
				Thread.sleep(100);
			}
		}
		return done;
	}

	// ---- 3. generate endpoint beside the bare money transaction ----

	/** {@code answeredAsExpected} counts the warm-up too, every request sent. */
	record Load(double requestsPerSecond, double p50Millis, double p99Millis, int unexpected, int total,
			int answeredAsExpected) {
	}

	/**
	 * {@code clients} threads sending back to back for a warm-up, then {@code windows} windows
	 * of {@code windowSeconds}: the median window's rate and the latency percentiles of all
	 * measured requests.
	 */
	Load load(int clients, int windows, int windowSeconds, IntFunction<HttpRequest> request, int expected)
			throws Exception {
		long warmup = TimeUnit.SECONDS.toNanos(3), window = TimeUnit.SECONDS.toNanos(windowSeconds);
		long start = System.nanoTime(), measureFrom = start + warmup, end = measureFrom + windows * window;
		AtomicInteger next = new AtomicInteger(), unexpected = new AtomicInteger(), asExpected = new AtomicInteger();
		long[] perWindow = new long[windows];
		List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			running.add(pool.submit(() -> {
				long[] mine = new long[200_000];
				int n = 0;
				while (true) {
					HttpRequest r = request.apply(next.getAndIncrement());
					long sent = System.nanoTime();
					if (sent >= end) {
						break;
					}
					int status;
					try {
						status = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (IOException ex) {
						status = -1;
					}
					long received = System.nanoTime();
					if (status == expected) {
						asExpected.incrementAndGet();
					}
					if (sent >= measureFrom && received < end) {
						if (status != expected) {
							unexpected.incrementAndGet();
						}
						synchronized (perWindow) {
							perWindow[(int) ((received - measureFrom) / window)]++;
						}
						if (n < mine.length) {
							mine[n++] = received - sent;
						}
					}
				}
				latencies.add(java.util.Arrays.copyOf(mine, n));
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
		double[] rates = java.util.Arrays.stream(perWindow).mapToDouble(count -> count / (double) windowSeconds).toArray();
		double[] millis = latencies.stream().flatMapToLong(java.util.Arrays::stream).mapToDouble(ns -> ns / 1e6).toArray();
		return new Load(median(rates), percentile(millis, 50), percentile(millis, 99), unexpected.get(), millis.length,
				asExpected.get());
	}

	void generate(int windows, int windowSeconds) throws Exception {
		String section = "generate";
		int clients = 32;
		jfr("JFR.start", "name=me", "settings=profile");
		Load me = load(clients, windows, windowSeconds,
				i -> as(people.get(i % people.size()), "/api/me").GET().build(), 200);
		jfr("JFR.stop", "name=me", "filename=" + dir.getParent().getParent().resolve("api-me.jfr").toAbsolutePath());
		long hostedBefore = count("SELECT count(*) FROM video_generations WHERE model = '" + HOSTED + "'");
		jfr("JFR.start", "name=generate", "settings=profile");
		Load generate = load(clients, windows, windowSeconds, i -> {
			Person person = people.get(i % people.size());
			return as(person, "/api/video/generate").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"imageId\":\"" + person.imageId()
						+ "\",\"prompt\":\"Gentle camera pan to the right\",\"model\":\"" + HOSTED
						+ "\",\"duration\":6,\"resolution\":\"768p\"}"))
				.build();
		}, 202);
		jfr("JFR.stop", "name=generate", "filename=" + dir.getParent().getParent().resolve("api-video-generate.jfr").toAbsolutePath());
		// the start jobs of what was accepted must not run while the reference is measured
		awaitQuiet(Duration.ofMinutes(3));
		long hostedAfter = count("SELECT count(*) FROM video_generations WHERE model = '" + HOSTED + "'");
		Load bare = bareMoneyTransaction(8, windows, windowSeconds);
		long violations = moneyViolations();
		results.add(section, "GET /api/me", me.requestsPerSecond(), "req/s", null, null, "≥ 3000 req/s",
				me.requestsPerSecond() >= 3000);
		results.add(section, "GET /api/me p50", me.p50Millis(), "ms", null, null);
		results.add(section, "GET /api/me p99", me.p99Millis(), "ms", null, null, "< 20 ms", me.p99Millis() < 20);
		results.add(section, "POST /api/video/generate", generate.requestsPerSecond(), "req/s",
				"bare money transaction, JDBC, 8 threads", bare.requestsPerSecond(), "≥ 0.25×",
				generate.requestsPerSecond() / bare.requestsPerSecond() >= 0.25);
		results.add(section, "POST /api/video/generate vs GET /api/me", generate.requestsPerSecond(), "req/s",
				"GET /api/me", me.requestsPerSecond(), "≥ 0.5×", generate.requestsPerSecond() / me.requestsPerSecond() >= 0.5);
		results.add(section, "POST /api/video/generate p50", generate.p50Millis(), "ms", "bare transaction p50",
				bare.p50Millis());
		results.add(section, "POST /api/video/generate p99", generate.p99Millis(), "ms", "bare transaction p99",
				bare.p99Millis(), "< 50 ms", generate.p99Millis() < 50);
		results.add(section, "requests not answered as expected", me.unexpected() + generate.unexpected(), "requests",
				null, null, "0", me.unexpected() + generate.unexpected() == 0);
		results.add(section, "money invariants broken after the load", violations, "rows", null, null, "0",
				violations == 0);
		results.add(section, "generations recorded during the load", hostedAfter - hostedBefore, "rows",
				"202 answers", (double) generate.answeredAsExpected(), "= 1.0×",
				hostedAfter - hostedBefore == generate.answeredAsExpected());
	}

	/** Waits until no generation job is due or running (bounded). */
	private void awaitQuiet(Duration atMost) throws Exception {
		Instant deadline = Instant.now().plus(atMost);
		while (count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'generation-start'") > 0
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection db = owner(); ResultSet rows = db.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * What {@code POST /api/video/generate} must do at the least, over plain JDBC as the owner: a
	 * conditional credit UPDATE, the generation row and its ledger row, in one transaction.
	 */
	private Load bareMoneyTransaction(int threads, int windows, int windowSeconds) throws Exception {
		long warmup = TimeUnit.SECONDS.toNanos(2), window = TimeUnit.SECONDS.toNanos(windowSeconds);
		long start = System.nanoTime(), measureFrom = start + warmup, end = measureFrom + windows * window;
		long[] perWindow = new long[windows];
		List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger(), refused = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			running.add(pool.submit(() -> {
				long[] mine = new long[500_000];
				int n = 0;
				try (Connection db = owner();
						PreparedStatement charge = db.prepareStatement(
								"UPDATE credit_accounts SET balance = balance - 5 WHERE user_id = ? AND balance >= 5");
						PreparedStatement generation = db.prepareStatement("""
								INSERT INTO video_generations (id, user_id, image_id, image_url, prompt, effective_prompt,
								    model, duration_seconds, resolution, cost)
								VALUES (?, ?, ?, 'bench', 'bench', 'bench', ?, 6, '768p', 5)""");
						PreparedStatement ledger = db.prepareStatement(
								"INSERT INTO credit_ledger (user_id, kind, amount, reference, reason) VALUES (?, 'charge', -5, ?, 'bench')")) {
					db.setAutoCommit(false);
					while (true) {
						long sent = System.nanoTime();
						if (sent >= end) {
							break;
						}
						Person person = people.get(next.getAndIncrement() % people.size());
						UUID user = UUID.fromString(person.id()), id = UUID.randomUUID();
						charge.setObject(1, user);
						if (charge.executeUpdate() == 1) {
							generation.setObject(1, id);
							generation.setObject(2, user);
							generation.setObject(3, UUID.fromString(person.imageId()));
							generation.setString(4, HOSTED);
							generation.executeUpdate();
							ledger.setObject(1, user);
							ledger.setObject(2, id);
							ledger.executeUpdate();
						}
						else {
							refused.incrementAndGet();
						}
						db.commit();
						long received = System.nanoTime();
						if (sent >= measureFrom && received < end) {
							synchronized (perWindow) {
								perWindow[(int) ((received - measureFrom) / window)]++;
							}
							if (n < mine.length) {
								mine[n++] = received - sent;
							}
						}
					}
				}
				latencies.add(java.util.Arrays.copyOf(mine, n));
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
		double[] rates = java.util.Arrays.stream(perWindow).mapToDouble(count -> count / (double) windowSeconds).toArray();
		double[] millis = latencies.stream().flatMapToLong(java.util.Arrays::stream).mapToDouble(ns -> ns / 1e6).toArray();
		return new Load(median(rates), percentile(millis, 50), percentile(millis, 99), refused.get(), millis.length,
				millis.length - refused.get());
	}

	/**
	 * Rows that break the money rules: a balance that is not the sum of its ledger, a charge that
	 * does not pay for exactly one generation of its cost, a paid generation without its charge,
	 * more than one refund of a generation.
	 */
	long moneyViolations() throws SQLException {
		return count("""
				SELECT (SELECT count(*) FROM credit_accounts a
				         WHERE a.balance <> (SELECT coalesce(sum(l.amount), 0) FROM credit_ledger l WHERE l.user_id = a.user_id))
				     + (SELECT count(*) FROM credit_ledger l WHERE l.kind = 'charge'
				         AND NOT EXISTS (SELECT 1 FROM video_generations g WHERE g.id = l.reference AND g.cost = -l.amount)
				         AND NOT EXISTS (SELECT 1 FROM generated_images i WHERE i.id = l.reference AND i.cost = -l.amount))
				     + (SELECT count(*) FROM video_generations g WHERE g.cost > 0
				         AND NOT EXISTS (SELECT 1 FROM credit_ledger l WHERE l.reference = g.id AND l.kind = 'charge'))
				     + (SELECT count(*) FROM (SELECT reference FROM credit_ledger WHERE kind = 'refund'
				         GROUP BY reference HAVING count(*) > 1) twice)""");
	}

	// ---- 4. live status ----

	void liveStatus(int generations, int followers) throws Exception {
		String section = "live";
		replicate.onModel(HOSTED).respondWith(Scenario.fails("benchmark").afterPolls(Integer.MAX_VALUE));
		List<String[]> started = new ArrayList<>();
		for (int i = 0; i < generations; i++) {
			Person person = people.get(i % people.size());
			started.add(new String[] { person.id(), startHosted(person) });
		}
		Map<String, Person> byId = new HashMap<>();
		people.forEach(person -> byId.put(person.id(), person));
		List<Double> latencies = new ArrayList<>();
		ExecutorService reader = Executors.newSingleThreadExecutor();
		for (String[] generation : started) {
			Person person = byId.get(generation[0]);
			String prediction = predictionOf(generation[1], Duration.ofMinutes(2));
			HttpResponse<Stream<String>> stream = http.send(as(person, "/api/video/" + generation[1] + "/events")
				.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
			Iterator<String> lines = stream.body().iterator();
			nextData(lines); // the current state, sent at once
			CompletableFuture<Long> arrived = CompletableFuture.supplyAsync(() -> {
				while (true) {
					JsonNode event = nextData(lines);
					if (event == null || "failed".equals(event.path("status").asString())) {
						return System.nanoTime();
					}
				}
			}, reader);
			long sent = System.nanoTime();
			replicate.finish(prediction);
			replicate.sendWebhook(prediction);
			latencies.add((arrived.get(30, TimeUnit.SECONDS) - sent) / 1e6);
			stream.body().close();
		}
		reader.shutdownNow();
		double[] millis = latencies.stream().mapToDouble(Double::doubleValue).toArray();
		results.add(section, "webhook → SSE event p50 (" + generations + " generations)", percentile(millis, 50), "ms",
				null, null);
		results.add(section, "webhook → SSE event p99", percentile(millis, 99), "ms", null, null, "< 50 ms",
				percentile(millis, 99) < 50);
		followers(section, followers);
	}

	private void followers(String section, int followers) throws Exception {
		replicate.onModel(HOSTED).respondWith(Scenario.neverFinishes());
		int perGeneration = 100;
		List<String[]> followed = new ArrayList<>();
		for (int i = 0; i < followers / perGeneration; i++) {
			Person person = people.get(i);
			followed.add(new String[] { person.id(), startHosted(person) });
		}
		awaitQuiet(Duration.ofMinutes(1));
		double heapBefore = heapMb(), threadsBefore = metric("jvm_threads_live_threads");
		Map<String, Person> byId = new HashMap<>();
		people.forEach(person -> byId.put(person.id(), person));
		List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
		for (String[] generation : followed) {
			for (int i = 0; i < perGeneration; i++) {
				streams.add(http.sendAsync(as(byId.get(generation[0]), "/api/video/" + generation[1] + "/events")
					.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()));
			}
		}
		int open = 0;
		for (CompletableFuture<HttpResponse<Stream<String>>> stream : streams) {
			if (stream.get(2, TimeUnit.MINUTES).statusCode() == 200) {
				open++;
			}
		}
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (metric("wanderframe_live_followers") < open && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		double live = metric("wanderframe_live_followers");
		double heapAfter = heapMb(), threadsAfter = metric("jvm_threads_live_threads");
		for (CompletableFuture<HttpResponse<Stream<String>>> stream : streams) {
			stream.get().body().close();
		}
		results.add(section, (int) live + " followers: heap they cost", heapAfter - heapBefore, "MB",
				"heap with none (after GC)", heapBefore, "< 150 MB", heapAfter - heapBefore < 150);
		results.add(section, (int) live + " followers: threads they cost", threadsAfter - threadsBefore, "threads",
				"threads with none", threadsBefore);
	}

	private String startHosted(Person person) throws Exception {
		HttpResponse<String> response = http.send(as(person, "/api/video/generate").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"imageId\":\"" + person.imageId()
					+ "\",\"prompt\":\"Gentle camera pan to the right\",\"model\":\"" + HOSTED
					+ "\",\"duration\":6,\"resolution\":\"768p\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("generation refused: " + response.body());
		}
		return JSON.readTree(response.body()).path("id").asString();
	}

	private String predictionOf(String generation, Duration atMost) throws Exception {
		Instant deadline = Instant.now().plus(atMost);
		try (Connection db = owner(); PreparedStatement query = db
			.prepareStatement("SELECT provider_prediction_id FROM video_generations WHERE id = ?")) {
			query.setObject(1, UUID.fromString(generation));
			while (Instant.now().isBefore(deadline)) {
				try (ResultSet row = query.executeQuery()) {
					if (row.next() && row.getString(1) != null) {
						return row.getString(1);
					}
				}
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("generation " + generation + " never reached Replicate");
	}

	private static JsonNode nextData(Iterator<String> lines) {
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data:")) {
				return JSON.readTree(line.substring(5));
			}
		}
		return null;
	}

	/**
	 * A flight recording of the app during one load, kept in {@code target/bench/} for whoever
	 * looks for where the time goes ({@code jfr print --events jdk.ExecutionSample ...}).
	 */
	private void jfr(String... command) throws Exception {
		jcmd(command);
	}

	private void jcmd(String... command) throws Exception {
		List<String> full = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(app.pid())));
		full.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		jcmd.waitFor(1, TimeUnit.MINUTES);
	}

	/** Heap in use after a full collection, as the app's own metrics report it. */
	private double heapMb() throws Exception {
		jcmd("GC.run");
		return metricSum("jvm_memory_used_bytes{area=\"heap\"") / 1e6;
	}

	private double metric(String name) throws Exception {
		return metricSum(name);
	}

	private double metricSum(String prefix) throws Exception {
		String body = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.header("Authorization", "Bearer " + metricsToken).build(), HttpResponse.BodyHandlers.ofString()).body();
		double sum = 0;
		for (String line : body.split("\n")) {
			if (line.startsWith(prefix) && (line.length() == prefix.length() || " {,".indexOf(line.charAt(prefix.length())) >= 0)) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return sum;
	}

	// ---- 5. pages ----

	void pages() {
		String section = "pages";
		// one with nothing running, so no live status stream keeps the studio's network busy
		Person person = people.get(people.size() - 1);
		try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser browser = playwright.chromium().launch(chromium())) {
			for (String path : List.of("/", "/signin", "/signup", "/studio", "/history", "/credits")) {
				boolean signedIn = !List.of("/", "/signin", "/signup").contains(path);
				try (BrowserContext context = context(browser, signedIn ? person : null)) {
					Page page = context.newPage();
					double[] first = load(page, path, signedIn);
					double[] repeat = load(page, path, signedIn);
					results.add(section, path + " first load, HTML+CSS+JS on the wire", first[0], "B",
							"the same uncompressed", first[1], "compressed", first[2] > 0 && first[3] == first[2]);
					results.add(section, path + " repeat load, CSS+JS on the wire", repeat[4], "B", null, null, "< 5 KB",
							repeat[4] < 5_000);
				}
			}
			List<Double> usable = new ArrayList<>();
			for (int i = 0; i <= samples; i++) {
				try (BrowserContext context = context(browser, person)) {
					Page page = context.newPage();
					long start = System.nanoTime();
					page.navigate("http://127.0.0.1:" + port + "/studio");
					page.waitForSelector("body[data-ready]",
							new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(30_000));
					if (i > 0) { // the first warms the server's templates and caches
						usable.add((System.nanoTime() - start) / 1e9);
					}
				}
			}
			double seconds = median(usable);
			results.add(section, "studio usable (fresh browser, localhost)", seconds, "s", null, null, "< 1 s",
					seconds < 1);
		}
	}

	private static BrowserType.LaunchOptions chromium() {
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions();
		if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
			options.setExecutablePath(Path.of("/usr/bin/chromium"));
		}
		return options;
	}

	private BrowserContext context(Browser browser, Person person) {
		BrowserContext context = browser.newContext();
		if (person != null) {
			context.addCookies(List.of(new Cookie("SESSION", person.session()).setDomain("127.0.0.1").setPath("/")));
		}
		return context;
	}

	/**
	 * Loads a page and returns {wire bytes of HTML+CSS+JS, their uncompressed bytes, text
	 * responses over 1 KB, those of them compressed, wire bytes of CSS+JS alone}.
	 */
	private double[] load(Page page, String path, boolean signedIn) {
		List<com.microsoft.playwright.Response> responses = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.function.Consumer<com.microsoft.playwright.Response> record = responses::add;
		page.onResponse(record);
		page.navigate("http://127.0.0.1:" + port + path);
		if (signedIn) {
			// the page's script marks itself ready once it has what it shows
			page.waitForSelector("body[data-ready]",
					new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(60_000));
		}
		page.waitForLoadState(LoadState.LOAD);
		page.offResponse(record);
		Object figures = page.evaluate("""
				() => {
				  const entries = [performance.getEntriesByType('navigation')[0],
				    ...performance.getEntriesByType('resource').filter(e => /\\.(css|js)$/.test(new URL(e.name).pathname))];
				  const assets = entries.slice(1);
				  return [entries.reduce((s, e) => s + e.transferSize, 0), entries.reduce((s, e) => s + e.decodedBodySize, 0),
				    assets.reduce((s, e) => s + e.transferSize, 0)];
				}""");
		List<?> list = (List<?>) figures;
		long text = 0, compressed = 0;
		for (com.microsoft.playwright.Response response : responses) {
			String type = String.valueOf(response.allHeaders().get("content-type"));
			String length = response.allHeaders().get("content-length");
			boolean small = length != null && Long.parseLong(length) < 1024;
			if ((type.startsWith("text/") || type.contains("javascript") || type.contains("json")) && !small
					&& response.status() == 200) {
				text++;
				if ("gzip".equals(response.allHeaders().get("content-encoding"))) {
					compressed++;
				}
			}
		}
		return new double[] { ((Number) list.get(0)).doubleValue(), ((Number) list.get(1)).doubleValue(), text,
				compressed, ((Number) list.get(2)).doubleValue() };
	}

	@Override
	public void close() throws Exception {
		try {
			app.close();
		}
		finally {
			try {
				replicate.close();
			}
			finally {
				postgres.close();
			}
		}
	}

}
