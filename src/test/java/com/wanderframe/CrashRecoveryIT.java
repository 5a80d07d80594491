package com.wanderframe;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.wanderframe.video.internal.render.Mp4Files;
import com.wanderframe.video.internal.render.VideoInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash an operator meets (the OOM killer, {@code kill -9}, a supervisor that kills only the
 * main process): the packaged jar is SIGKILLed while ten generations are under way, its embedded
 * PostgreSQL left running, and started again at once on the same data directory. It must come up
 * healthy, finish every generation, charge each exactly once and refund only failures, once;
 * every finished video must play, and no scratch or unclaimed media file may remain.
 */
class CrashRecoveryIT {

	private static final int GENERATIONS = 10;

	@TempDir
	Path work;

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopEverything() throws Exception {
		for (Process app : started) {
			stop(app);
		}
		// If the app failed to deal with it, do not leave a PostgreSQL running on the machine.
		leftoverPostmaster().ifPresent(ProcessHandle::destroy);
	}

	@Test
	void aKilledAppStartsAgainAtOnceAndLosesNoPaidWork() throws Exception {
		Path data = work.resolve("data");
		App first = start(data, "first-run.log");
		ApiClient client = ApiClient.signedUp(first.port());
		Studio studio = new Studio(client);
		// Generation 1: an image, the first frame of the videos.
		String image = studio.imageAtLocation();
		List<String> images = new ArrayList<>(List.of(image));
		List<String> videos = new ArrayList<>();
		String photo = studio.uploadSelfie();
		for (int i = 0; i < 4; i++) {
			ApiClient.Response response = client.post("/api/images",
					"{\"photoId\":\"" + photo + "\",\"location\":\"" + studio.firstLocation() + "\"}");
			assertThat(response.status()).as("%s", response).isEqualTo(202);
			images.add(response.json().path("id").asString());
		}
		for (int i = 0; i < GENERATIONS - images.size(); i++) {
			ApiClient.Response response = client.post("/api/video/generate",
					"{\"imageId\":\"%s\",\"prompt\":\"slow push in number %d\",\"resolution\":\"512p\"}".formatted(image, i));
			assertThat(response.status()).as("%s", response).isEqualTo(202);
			videos.add(response.json().path("id").asString());
		}
		// Mid-way: some video is being rendered and not all of them are done.
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			List<String> statuses = videos.stream().map(id -> status(client, "/api/video/" + id)).toList();
			return statuses.contains("processing");
		});
		List<String> beforeKill = videos.stream().map(id -> status(client, "/api/video/" + id)).toList();
		assertThat(beforeKill).as("videos unfinished at the kill").anyMatch(status -> !isTerminal(status));

		String email = client.get("/api/me").json().path("email").asString();

		// SIGKILL the JVM only; its PostgreSQL runs in a session of its own and stays behind.
		first.process().destroyForcibly();
		assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		// What the killed run was rendering at that moment: start-up must clear it where the app
		// cleans scratch space at start-up (ScratchSpace); in builds without that, only the
		// restarted run's own scratch files must be gone.
		List<Path> scratchOfTheKilledRun = cleansScratchAtStartUp() ? List.of() : scratchFiles();
		long orphan = leftoverPostmaster().orElseThrow(() -> new AssertionError("the killed app's PostgreSQL still runs"))
			.pid();

		App second = start(data, "second-run.log");
		assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the old PostgreSQL").isEmpty();
		assertThat(leftoverPostmaster()).as("the new run's PostgreSQL").isPresent();
		assertThat(Files.readString(second.log())).contains("from a previous run is still running");
		ApiClient again = new ApiClient(second.port());

		// Everything reaches an end.
		List<String> all = new ArrayList<>();
		images.forEach(id -> all.add("/api/images/" + id));
		videos.forEach(id -> all.add("/api/video/" + id));
		try (Connection db = connect(data)) {
			String account = single(db, "SELECT id::text FROM users");
			signIn(again, email);
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
				.until(() -> all.stream().allMatch(path -> isTerminal(status(again, path))));

			// Money: one charge per generation, a refund exactly for each failure, balance = ledger.
			Map<String, String> statusById = new HashMap<>();
			all.forEach(path -> statusById.put(path.substring(path.lastIndexOf('/') + 1), status(again, path)));
			for (Map.Entry<String, String> generation : statusById.entrySet()) {
				List<String> entries = column(db, "SELECT kind FROM credit_ledger WHERE reference = '"
						+ generation.getKey() + "' ORDER BY kind");
				assertThat(entries).as("ledger of %s (%s)", generation.getKey(), generation.getValue())
					.isEqualTo(generation.getValue().equals("failed") ? List.of("charge", "refund") : List.of("charge"));
			}
			assertThat(single(db, "SELECT count(*) FROM credit_ledger WHERE kind <> 'grant'"))
				.isEqualTo(String.valueOf(GENERATIONS + statusById.values().stream().filter("failed"::equals).count()));
			assertThat(single(db, "SELECT balance FROM credit_accounts WHERE user_id = '" + account + "'"))
				.isEqualTo(single(db, "SELECT sum(amount) FROM credit_ledger WHERE user_id = '" + account + "'"));
			assertThat(statusById.values()).as("a crash is no reason to fail").containsOnly("completed");

			// Every finished video plays.
			for (String id : videos) {
				ApiClient.Response mp4 = again.get("/api/video/" + id + "/video.mp4");
				assertThat(mp4.status()).isEqualTo(200);
				Path file = work.resolve(id + ".mp4");
				Files.write(file, mp4.bytes());
				VideoInfo info = Mp4Files.probe(file);
				assertThat(info.codec()).isEqualTo("h264");
				assertThat(info.frameCount()).isPositive();
				assertThat(Mp4Files.decodeFrame(file, (int) info.frameCount() - 1)).isNotNull();
			}

			// Nothing left behind: every media file is claimed by a row, and no scratch file remains.
			Set<String> claimed = new HashSet<>();
			claimed.addAll(column(db, "SELECT media_key FROM photos"));
			claimed.addAll(column(db, "SELECT media_key FROM generated_images WHERE media_key IS NOT NULL"));
			claimed.addAll(column(db, "SELECT video_url FROM video_generations WHERE video_url IS NOT NULL"));
			claimed.addAll(column(db, "SELECT poster_url FROM video_generations WHERE poster_url IS NOT NULL"));
			Path media = data.resolve("media");
			try (Stream<Path> files = Files.walk(media)) {
				// A stored object's content type sits beside it in ".<name>.type": it belongs to that object.
				List<String> stored = files.filter(Files::isRegularFile).map(file -> {
					String name = file.getFileName().toString();
					boolean typeOfAnObject = name.startsWith(".") && name.endsWith(".type");
					Path object = typeOfAnObject
							? file.resolveSibling(name.substring(1, name.length() - ".type".length())) : file;
					String key = media.relativize(object).toString();
					// an image's depth layers and caption sit in "<image>.layers/": they belong to the image
					int layers = key.indexOf(".layers/");
					return layers < 0 ? key : key.substring(0, layers);
				}).distinct().toList();
				assertThat(stored).as("media files").allMatch(claimed::contains);
			}
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(scratchFiles()).isSubsetOf(scratchOfTheKilledRun));
		}

		// A normal stop still stops the database.
		stop(second.process());
		assertThat(leftoverPostmaster()).as("PostgreSQL after a normal stop").isEmpty();
	}

	private record App(Process process, int port, Path log) {
	}

	private App start(Path data, String logName) throws Exception {
		int port = freePort();
		Path log = work.resolve(logName);
		Path tmp = work.resolve("tmp");
		Files.createDirectories(tmp);
		Process process = new ProcessBuilder(javaBinary(), "-Djava.io.tmpdir=" + tmp, "-jar",
				PackagedJar.path().toString(), "--server.port=" + port, "--wanderframe.data.dir=" + data,
				"--wanderframe.credits.signup-grant=100", "--wanderframe.rate-limit.generations-per-minute=100",
				"--wanderframe.rate-limit.generations-per-hour=100",
				"--wanderframe.rate-limit.max-unfinished-generations=100",
				"--db-scheduler.polling-interval=500ms", "--db-scheduler.heartbeat-interval=2s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(work.toFile())
			.start();
		started.add(process);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			assertThat(process.isAlive()).as("app exited early; see %s", log).isTrue();
			return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		});
		return new App(process, port, log);
	}

	private static void stop(Process app) throws InterruptedException {
		if (app.isAlive()) {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private void signIn(ApiClient client, String email) {
		ApiClient.Response response = client.post("/api/auth/signin",
				"{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
		assertThat(response.status()).as("%s", response).isEqualTo(200);
	}

	private static String status(ApiClient client, String path) {
		return client.get(path).json().path("status").asString();
	}

	private static boolean isTerminal(String status) {
		return status.equals("completed") || status.equals("failed");
	}

	/**
	 * The app's scratch files: in the temporary directory it was given (not the PostgreSQL
	 * binaries there), and inside the per-instance directories under {@code <data>/scratch}
	 * (each holds only its {@code .lock} while idle).
	 */
	private List<Path> scratchFiles() throws IOException {
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(work.resolve("tmp"))) {
			files.filter(file -> file.getFileName().toString().startsWith("wanderframe-")).forEach(found::add);
		}
		Path scratch = work.resolve("data/scratch");
		if (Files.isDirectory(scratch)) {
			try (Stream<Path> files = Files.walk(scratch, 2)) {
				files.filter(file -> scratch.relativize(file).getNameCount() == 2)
					.filter(file -> !file.getFileName().toString().equals(".lock"))
					.forEach(found::add);
			}
		}
		return found;
	}

	private static boolean cleansScratchAtStartUp() {
		try {
			Class.forName("com.wanderframe.platform.ScratchSpace");
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/** The PostgreSQL server on the data directory, by its {@code postmaster.pid}. */
	private Optional<ProcessHandle> leftoverPostmaster() throws IOException {
		Path pidFile = work.resolve("data/postgres/postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || lines.get(0).isBlank()) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
	}

	/** Connects as the app's own role, with the password the app generated in the data directory. */
	private static Connection connect(Path data) throws Exception {
		List<String> pid = Files.readAllLines(data.resolve("postgres/postmaster.pid"));
		Properties passwords = new Properties();
		try (Reader reader = Files.newBufferedReader(data.resolve("postgres-passwords.properties"), StandardCharsets.UTF_8)) {
			passwords.load(reader);
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres",
				"wanderframe", passwords.getProperty("app"));
	}

	private static String single(Connection db, String sql) throws Exception {
		List<String> values = column(db, sql);
		assertThat(values).as(sql).hasSize(1);
		return values.get(0);
	}

	private static List<String> column(Connection db, String sql) throws Exception {
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
