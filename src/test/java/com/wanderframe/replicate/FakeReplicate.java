package com.wanderframe.replicate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server that speaks Replicate's documented API (see /work/shared/REPLICATE.md), for
 * tests: create, get and cancel predictions, the files API, the default webhook secret, output
 * files on a delivery host of their own, and signed webhooks sent back to the app. Scripted per model:
 *
 * <pre>{@code
 * try (FakeReplicate replicate = new FakeReplicate()) {
 *     replicate.onModel("minimax/hailuo-02").respondWith(Scenario.succeedsAfterPolls(2, mp4Bytes, "video/mp4"));
 *     replicate.failNextCreates(1, 429, 1);
 *     // point the app at it: wanderframe.replicate.base-url=replicate.baseUrl(),
 *     // wanderframe.replicate.api-token=FakeReplicate.TOKEN
 *     ...
 *     String id = replicate.createdPredictions().get(0).id();
 *     replicate.finish(id);
 *     replicate.sendWebhook(id); // to the webhook URL given at create, signed with WEBHOOK_SECRET
 * }
 * }</pre>
 *
 * A prediction starts as {@code starting}; every {@code GET /predictions/{id}} is a poll: after
 * {@code k} of {@code n} polls it is {@code processing} with logs reporting {@code k*100/n %},
 * and at {@code n} it reaches the scenario's terminal state. API calls without
 * {@code Authorization: Bearer <token>} answer 401. Output files are served by a second server
 * ({@link #deliveryUrl()}, another origin, like replicate.delivery) that needs no token and
 * records what it was sent ({@link #outputRequests()}). Webhooks are sent only for the events a
 * prediction asked for in {@code webhook_events_filter}. Creating a prediction of a model nobody
 * scripted answers 404, as Replicate does for an unknown model.
 */
public final class FakeReplicate implements AutoCloseable {

	/** The token the fake accepts unless constructed with another. */
	public static final String TOKEN = "r8_FakeReplicateTestToken0123456789abcdef";

	/** The webhook signing secret the fake uses unless constructed with another. */
	public static final String WEBHOOK_SECRET = "whsec_2j4HwsQzLmfdQmt6D+pG9Jxt3QU7eBtMmAU3YGduh4k=";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CANCEL_AFTER = Pattern.compile("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static volatile FakeReplicate shared;

	private final String token;

	private final String webhookSecret;

	private final HttpServer server;

	/** Output files, on a host of their own like replicate.delivery. */
	private final HttpServer delivery;

	private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "fake-replicate");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, ModelScript> models = new ConcurrentHashMap<>();

	private final Map<String, FakePrediction> predictions = new ConcurrentHashMap<>();

	private final Map<String, UploadedFile> files = new ConcurrentHashMap<>();

	private final List<CreateRequest> creates = new CopyOnWriteArrayList<>();

	private final List<String> cancels = new CopyOnWriteArrayList<>();

	/** Creates refused for an input their model does not take, so a test can say which. */
	private final List<String> rejectedInputs = new CopyOnWriteArrayList<>();

	private final List<UploadedFile> uploads = new CopyOnWriteArrayList<>();

	private final List<OutputRequest> outputRequests = new CopyOnWriteArrayList<>();

	private final List<String> servedFaults = new CopyOnWriteArrayList<>();

	private final AtomicInteger createAttempts = new AtomicInteger();

	private final AtomicInteger getCalls = new AtomicInteger();

	private final AtomicInteger downloads = new AtomicInteger();

	private final AtomicInteger secretFetches = new AtomicInteger();

	private final AtomicInteger unauthorized = new AtomicInteger();

	private final Deque<Failure> createFailures = new ArrayDeque<>();

	private final Deque<Failure> getFailures = new ArrayDeque<>();

	private final Deque<Failure> downloadFailures = new ArrayDeque<>();

	private final Deque<Failure> cancelFailures = new ArrayDeque<>();

	private final AtomicInteger heldCreates = new AtomicInteger();

	private int createsToHold;

	private CountDownLatch releaseCreates = new CountDownLatch(1);

	public FakeReplicate() {
		this(TOKEN, WEBHOOK_SECRET);
	}

	public FakeReplicate(String token, String webhookSecret) {
		this.token = token;
		this.webhookSecret = webhookSecret;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.delivery = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the fake Replicate", ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.delivery.setExecutor(this.executor);
		this.delivery.createContext("/", this::handleDelivery);
		this.server.start();
		this.delivery.start();
	}

	/**
	 * One fake for the whole test JVM, started on first use and never closed, for Spring
	 * contexts that outlive a test class. Call {@link #reset()} before each test that scripts it.
	 */
	public static FakeReplicate shared() {
		if (shared == null) {
			synchronized (FakeReplicate.class) {
				if (shared == null) {
					shared = new FakeReplicate();
				}
			}
		}
		return shared;
	}

	/** What to put in {@code wanderframe.replicate.base-url}: {@code http://127.0.0.1:<port>/v1}. */
	public String baseUrl() {
		return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
				+ "/v1";
	}

	/**
	 * Where output files are served: {@code http://127.0.0.1:<another port>}, a different origin
	 * from {@link #baseUrl()}, as replicate.delivery is from api.replicate.com.
	 */
	public String deliveryUrl() {
		return "http://" + delivery.getAddress().getAddress().getHostAddress() + ":" + delivery.getAddress().getPort();
	}

	/**
	 * Points a Spring test context at this fake, e.g.
	 * {@code @DynamicPropertySource static void replicate(DynamicPropertyRegistry registry) { FakeReplicate.shared().register(registry); }}.
	 * Sets {@code wanderframe.replicate.base-url}, {@code api-token} and {@code webhook-secret}.
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("wanderframe.replicate.base-url", this::baseUrl);
		registry.add("wanderframe.replicate.api-token", this::token);
		registry.add("wanderframe.replicate.webhook-secret", this::webhookSecret);
	}

	public String token() {
		return token;
	}

	public String webhookSecret() {
		return webhookSecret;
	}

	/** Scripts what creating a prediction of {@code model} ({@code owner/name}) leads to. */
	public ModelScript onModel(String model) {
		return models.computeIfAbsent(model, name -> new ModelScript());
	}

	/** The next {@code count} create calls answer {@code status}, with {@code Retry-After} if > 0. */
	public FakeReplicate failNextCreates(int count, int status, int retryAfterSeconds) {
		enqueue(createFailures, count, status, retryAfterSeconds);
		return this;
	}

	public FakeReplicate failNextCreates(int count, int status) {
		return failNextCreates(count, status, 0);
	}

	/**
	 * The next {@code count} create calls get no answer until {@link #releaseHeldCreates()} (or a
	 * minute), as if Replicate were slow; then they are handled as usual. For tests of a caller
	 * that is interrupted while it waits.
	 */
	public synchronized FakeReplicate holdNextCreates(int count) {
		createsToHold += count;
		return this;
	}

	/** Lets every held create go on (each then creates its prediction, unless scripted otherwise). */
	public synchronized FakeReplicate releaseHeldCreates() {
		createsToHold = 0;
		releaseCreates.countDown();
		releaseCreates = new CountDownLatch(1);
		return this;
	}

	/** Create calls the fake is holding without an answer right now. */
	public int heldCreates() {
		return heldCreates.get();
	}

	/** The next {@code count} {@code GET /predictions/{id}} calls answer {@code status} (not counted as polls). */
	public FakeReplicate failNextGets(int count, int status) {
		enqueue(getFailures, count, status, 0);
		return this;
	}

	/** The next {@code count} {@code POST /predictions/{id}/cancel} calls answer {@code status}. */
	public FakeReplicate failNextCancels(int count, int status) {
		enqueue(cancelFailures, count, status, 0);
		return this;
	}

	/** The next {@code count} output-file downloads answer {@code status}. */
	public FakeReplicate failNextDownloads(int count, int status) {
		enqueue(downloadFailures, count, status, 0);
		return this;
	}

	/** Moves a prediction straight to its scenario's terminal state (no-op for {@code neverFinishes}). */
	public FakeReplicate finish(String predictionId) {
		prediction(predictionId).finish();
		return this;
	}

	/** Counts one poll for a prediction, as a {@code GET} would. */
	public FakeReplicate advance(String predictionId) {
		prediction(predictionId).poll();
		return this;
	}

	/** The prediction as {@code GET /predictions/{id}} would show it now, without counting a poll. */
	public JsonNode predictionJson(String predictionId) {
		return prediction(predictionId).toJson();
	}

	/** Successful creates, oldest first. */
	public List<CreateRequest> createdPredictions() {
		return List.copyOf(creates);
	}

	/** Every create call, including refused and failed ones. */
	public int createAttempts() {
		return createAttempts.get();
	}

	/** Every {@code GET /predictions/{id}} call, including failed ones. */
	public int getCalls() {
		return getCalls.get();
	}

	/** Ids of predictions whose cancel was called, in call order (repeats kept). */
	/** Creates answered 422 because the input did not fit the model's schema. */
	public List<String> rejectedInputs() {
		return List.copyOf(rejectedInputs);
	}

	public List<String> cancelCalls() {
		return List.copyOf(cancels);
	}

	public List<UploadedFile> uploadedFiles() {
		return List.copyOf(uploads);
	}

	/** Output-file requests, including failed ones. */
	public int downloadAttempts() {
		return downloads.get();
	}

	/** Every request the delivery host received, oldest first, with the headers it came with. */
	public List<OutputRequest> outputRequests() {
		return List.copyOf(outputRequests);
	}

	public int webhookSecretFetches() {
		return secretFetches.get();
	}

	/**
	 * The scripted failures actually answered, oldest first, as {@code "<call> <status>"} with the
	 * call one of {@code create}, {@code get}, {@code cancel}, {@code download}: e.g.
	 * {@code ["get 502", "get 502"]}. A test that injects faults asserts here that they were met.
	 */
	public List<String> servedFaults() {
		return List.copyOf(servedFaults);
	}

	/** API calls refused for a missing or wrong token. */
	public int unauthorizedCalls() {
		return unauthorized.get();
	}

	/** Forgets every script, prediction, file, failure and count. */
	public synchronized void reset() {
		models.clear();
		predictions.clear();
		files.clear();
		creates.clear();
		cancels.clear();
		rejectedInputs.clear();
		uploads.clear();
		outputRequests.clear();
		servedFaults.clear();
		createAttempts.set(0);
		getCalls.set(0);
		downloads.set(0);
		secretFetches.set(0);
		unauthorized.set(0);
		createFailures.clear();
		getFailures.clear();
		downloadFailures.clear();
		cancelFailures.clear();
		releaseHeldCreates();
	}

	// ---- webhooks ----

	/**
	 * Sends the prediction's current state to the webhook URL it was created with, signed like
	 * Replicate, if Replicate would: see {@link #sendWebhook(URI, String)}.
	 */
	public Delivery sendWebhook(String predictionId) {
		FakePrediction prediction = prediction(predictionId);
		if (prediction.webhook == null) {
			throw new IllegalStateException("Prediction " + predictionId + " was created without a webhook");
		}
		return sendWebhook(prediction.webhook, predictionId);
	}

	/**
	 * Sends the prediction's current state to {@code target}, signed like Replicate, as the event
	 * that state is: {@code start} while {@code starting}, {@code logs} while {@code processing}
	 * with logs not sent before, {@code completed} once terminal. Like Replicate, it sends nothing
	 * when the prediction's {@code webhook_events_filter} leaves that event out, or when there are
	 * no new logs: the answer is then a {@link Delivery} that was not {@link Delivery#sent() sent}.
	 */
	public Delivery sendWebhook(URI target, String predictionId) {
		return send(target, prediction(predictionId), null);
	}

	/**
	 * Sends the prediction's current state to {@code target} as {@code event}, unless the
	 * prediction's {@code webhook_events_filter} leaves that event out (then nothing is sent).
	 */
	public Delivery sendWebhook(URI target, String predictionId, WebhookEvent event) {
		return send(target, prediction(predictionId), event);
	}

	/** {@code event} null: the current state's, and logs only when new. Never delivers holding the lock. */
	private Delivery send(URI target, FakePrediction prediction, WebhookEvent event) {
		String body;
		WebhookEvent sent;
		synchronized (prediction) {
			sent = event == null ? prediction.currentEvent() : event;
			body = prediction.toJson().toString();
			if (!prediction.subscribed(sent) || (event == null && sent == WebhookEvent.LOGS && prediction.logsSent())) {
				return Delivery.notSent(target, body, sent);
			}
			if (sent == WebhookEvent.LOGS) {
				prediction.markLogsSent();
			}
		}
		return deliverSigned(target, "msg_" + randomId(), body, webhookSecret, now(), sent);
	}

	/** The event a webhook about the prediction's current state would be. */
	public WebhookEvent webhookEvent(String predictionId) {
		return prediction(predictionId).currentEvent();
	}

	/** Sends the same delivery again (same {@code webhook-id} and body), as Replicate does when it retries. */
	public Delivery redeliver(Delivery delivery) {
		if (!delivery.sent()) {
			throw new IllegalStateException("This " + delivery.event() + " webhook was never sent, so cannot be retried");
		}
		return deliverSigned(delivery.target(), delivery.webhookId(), delivery.body(), webhookSecret, now(),
				delivery.event());
	}

	/** A delivery signed with a key that is not the webhook secret. */
	public Delivery sendForgedWebhook(URI target, String predictionId) {
		String forgedSecret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(32));
		return deliverSigned(target, "msg_" + randomId(), prediction(predictionId).toJson().toString(), forgedSecret,
				now(), webhookEvent(predictionId));
	}

	/** A correctly signed delivery whose timestamp is ten minutes old. */
	public Delivery sendStaleWebhook(URI target, String predictionId) {
		return deliverSigned(target, "msg_" + randomId(), prediction(predictionId).toJson().toString(), webhookSecret,
				now() - 600, webhookEvent(predictionId));
	}

	/**
	 * Low level: posts {@code body} with exactly these webhook headers (a {@code null} header is
	 * left out) and answers the HTTP status.
	 */
	public int deliver(URI target, String webhookId, String timestamp, String signature, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("User-Agent", "Replicate-Webhooks/fake")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (webhookId != null) {
			request.header("webhook-id", webhookId);
		}
		if (timestamp != null) {
			request.header("webhook-timestamp", timestamp);
		}
		if (signature != null) {
			request.header("webhook-signature", signature);
		}
		try {
			return webhookClient.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Webhook delivery to " + target + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with this fake's secret. */
	public String sign(String webhookId, long timestamp, String body) {
		return sign(webhookSecret, webhookId, timestamp, body);
	}

	/** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the key after {@code whsec_}. */
	public static String sign(String secret, String webhookId, long timestamp, String body) {
		try {
			String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
			byte[] digest = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Delivery deliverSigned(URI target, String webhookId, String body, String secret, long timestamp,
			WebhookEvent event) {
		int status = deliver(target, webhookId, Long.toString(timestamp), sign(secret, webhookId, timestamp, body),
				body);
		return new Delivery(target, webhookId, timestamp, body, status, event);
	}

	@Override
	public void close() {
		server.stop(0);
		delivery.stop(0);
		executor.shutdownNow();
	}

	// ---- the HTTP side ----

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			if (!path.startsWith("/v1/")) {
				respond(exchange, 404, detail("Not found."));
				return;
			}
			String route = path.substring(3);
			if (!authorized(exchange)) {
				unauthorized.incrementAndGet();
				respond(exchange, 401, detail("You did not pass a valid authentication token"));
				return;
			}
			String[] parts = route.substring(1).split("/");
			if (method.equals("POST") && parts.length == 4 && parts[0].equals("models") && parts[3].equals("predictions")) {
				create(exchange, parts[1] + "/" + parts[2]);
			}
			else if (method.equals("GET") && parts.length == 2 && parts[0].equals("predictions")) {
				get(exchange, parts[1]);
			}
			else if (method.equals("POST") && parts.length == 3 && parts[0].equals("predictions")
					&& parts[2].equals("cancel")) {
				cancel(exchange, parts[1]);
			}
			else if (method.equals("POST") && route.equals("/files")) {
				upload(exchange);
			}
			else if (method.equals("GET") && parts.length >= 2 && parts[0].equals("files")) {
				serveFile(exchange, parts[1], parts.length == 3 && parts[2].equals("download"));
			}
			else if (method.equals("GET") && route.equals("/webhooks/default/secret")) {
				secretFetches.incrementAndGet();
				ObjectNode secret = JSON.createObjectNode().put("key", webhookSecret);
				respond(exchange, 200, secret);
			}
			else {
				respond(exchange, 404, detail("The requested resource could not be found."));
			}
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, detail("Fake Replicate failed: " + ex));
		}
	}

	/** The delivery host: output files at {@code /<prediction id>/output.<ext>}, no token needed. */
	private void handleDelivery(HttpExchange exchange) throws IOException {
		try (exchange) {
			outputRequests.add(new OutputRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					copy(exchange.getRequestHeaders())));
			if (!exchange.getRequestMethod().equals("GET")) {
				respondBytes(exchange, 405, new byte[0], "text/plain");
				return;
			}
			serveOutput(exchange, exchange.getRequestURI().getPath().substring(1));
		}
		catch (RuntimeException ex) {
			respondBytes(exchange, 500, ex.toString().getBytes(StandardCharsets.UTF_8), "text/plain");
		}
	}

	private boolean authorized(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		return authorization != null && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
				("Bearer " + token).getBytes(StandardCharsets.UTF_8));
	}

	private void create(HttpExchange exchange, String model) throws IOException {
		createAttempts.incrementAndGet();
		byte[] raw = exchange.getRequestBody().readAllBytes();
		CountDownLatch hold = takeHold();
		if (hold != null) {
			heldCreates.incrementAndGet();
			try {
				hold.await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException closing) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				heldCreates.decrementAndGet();
			}
		}
		if (failed(exchange, createFailures, "create")) {
			return;
		}
		ModelScript script = models.get(model);
		if (script == null) {
			respond(exchange, 404, detail("The requested resource could not be found."));
			return;
		}
		JsonNode body;
		try {
			body = JSON.readTree(raw);
		}
		catch (RuntimeException ex) {
			respond(exchange, 400, detail("Request body is not valid JSON."));
			return;
		}
		if (!body.path("input").isObject()) {
			respond(exchange, 422, validation("input is required"));
			return;
		}
		List<String> invalid = ReplicateSchemas.problems(model, body.get("input"));
		if (!invalid.isEmpty()) {
			rejectedInputs.add(model + ": " + invalid);
			respond(exchange, 422, invalidInput(invalid));
			return;
		}
		String cancelAfter = exchange.getRequestHeaders().getFirst("Cancel-After");
		if (cancelAfter != null && !validCancelAfter(cancelAfter)) {
			respond(exchange, 422, validation("Cancel-After must be a duration like 30s, 5m or 1h, at least 5s"));
			return;
		}
		URI webhook = body.hasNonNull("webhook") ? URI.create(body.get("webhook").asString()) : null;
		List<String> eventsFilter = null;
		if (body.has("webhook_events_filter")) {
			eventsFilter = new ArrayList<>();
			for (JsonNode event : body.get("webhook_events_filter")) {
				eventsFilter.add(event.asString());
			}
		}
		FakePrediction prediction = new FakePrediction(randomId(), model, body.get("input"), webhook, eventsFilter,
				script.next());
		predictions.put(prediction.id, prediction);
		creates.add(new CreateRequest(prediction.id, model, copy(exchange.getRequestHeaders()),
				new String(raw, StandardCharsets.UTF_8), body));
		respond(exchange, 201, prediction.toJson());
	}

	private synchronized CountDownLatch takeHold() {
		if (createsToHold == 0) {
			return null;
		}
		createsToHold--;
		return releaseCreates;
	}

	private void get(HttpExchange exchange, String id) throws IOException {
		getCalls.incrementAndGet();
		if (failed(exchange, getFailures, "get")) {
			return;
		}
		FakePrediction prediction = predictions.get(id);
		if (prediction == null) {
			respond(exchange, 404, detail("Not found."));
			return;
		}
		prediction.poll();
		respond(exchange, 200, prediction.toJson());
	}

	private void cancel(HttpExchange exchange, String id) throws IOException {
		cancels.add(id);
		if (failed(exchange, cancelFailures, "cancel")) {
			return;
		}
		FakePrediction prediction = predictions.get(id);
		if (prediction == null) {
			respond(exchange, 404, detail("Not found."));
			return;
		}
		prediction.cancel();
		respond(exchange, 200, prediction.toJson());
	}

	private void upload(HttpExchange exchange) throws IOException {
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		Matcher boundary = contentType == null ? null
				: Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
		if (contentType == null || !contentType.startsWith("multipart/form-data") || !boundary.find()) {
			respond(exchange, 400, detail("Expected multipart/form-data."));
			return;
		}
		Map<String, Part> parts = Multipart.parse(exchange.getRequestBody().readAllBytes(), boundary.group(1));
		Part content = parts.get("content");
		if (content == null || content.filename() == null) {
			respond(exchange, 422, validation("content is required and must be a file"));
			return;
		}
		String type = parts.containsKey("type") ? parts.get("type").text()
				: content.contentType() == null ? "application/octet-stream" : content.contentType();
		String filename = parts.containsKey("filename") ? parts.get("filename").text() : content.filename();
		String id = randomId();
		UploadedFile file = new UploadedFile(id, filename, content.filename(), type, content.contentType(),
				content.bytes());
		files.put(id, file);
		uploads.add(file);
		respond(exchange, 201, fileJson(file));
	}

	private void serveFile(HttpExchange exchange, String id, boolean download) throws IOException {
		UploadedFile file = files.get(id);
		if (file == null) {
			respond(exchange, 404, detail("Not found."));
		}
		else if (download) {
			respondBytes(exchange, 200, file.bytes(), file.type());
		}
		else {
			respond(exchange, 200, fileJson(file));
		}
	}

	private void serveOutput(HttpExchange exchange, String rest) throws IOException {
		downloads.incrementAndGet();
		if (failed(exchange, downloadFailures, "download")) {
			return;
		}
		boolean redirected = rest.startsWith("redirected/");
		if (redirected) {
			rest = rest.substring("redirected/".length());
		}
		String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		FakePrediction prediction = predictions.get(id);
		if (prediction == null || prediction.scenario.outcome != Outcome.SUCCEEDED
				|| prediction.status() != PredictionStatus.SUCCEEDED) {
			respondBytes(exchange, 404, "Not Found".getBytes(StandardCharsets.UTF_8), "text/plain");
			return;
		}
		if (prediction.scenario.redirectTo != null && !redirected) {
			exchange.getResponseHeaders().set("Location", "http://" + prediction.scenario.redirectTo + ":"
					+ delivery.getAddress().getPort() + "/redirected/" + rest);
			respondBytes(exchange, 302, new byte[0], "text/plain");
			return;
		}
		respondBytes(exchange, 200, prediction.scenario.output, prediction.scenario.contentType);
	}

	private ObjectNode fileJson(UploadedFile file) {
		ObjectNode json = JSON.createObjectNode();
		json.put("id", file.id());
		json.put("name", file.filename());
		json.put("content_type", file.type());
		json.put("size", file.bytes().length);
		json.put("etag", md5(file.bytes()));
		ObjectNode checksums = json.putObject("checksums");
		checksums.put("sha256", digest("SHA-256", file.bytes()));
		checksums.put("md5", md5(file.bytes()));
		json.putObject("metadata");
		json.put("created_at", Instant.now().toString());
		json.put("expires_at", Instant.now().plus(Duration.ofDays(1)).toString());
		json.putObject("urls").put("get", baseUrl() + "/files/" + file.id());
		return json;
	}

	private boolean failed(HttpExchange exchange, Deque<Failure> failures, String call) throws IOException {
		Failure failure;
		synchronized (failures) {
			failure = failures.poll();
		}
		if (failure == null) {
			return false;
		}
		servedFaults.add(call + " " + failure.status());
		if (failure.retryAfterSeconds() > 0) {
			exchange.getResponseHeaders().set("Retry-After", Integer.toString(failure.retryAfterSeconds()));
		}
		respond(exchange, failure.status(), detail(failure.status() == 429
				? "Request was throttled. Expected available in " + failure.retryAfterSeconds() + " second."
				: "Fake failure " + failure.status()));
		return true;
	}

	private static void enqueue(Deque<Failure> failures, int count, int status, int retryAfterSeconds) {
		synchronized (failures) {
			for (int i = 0; i < count; i++) {
				failures.add(new Failure(status, retryAfterSeconds));
			}
		}
	}

	private static boolean validCancelAfter(String value) {
		Matcher matcher = CANCEL_AFTER.matcher(value);
		if (value.isEmpty() || !matcher.matches()) {
			return false;
		}
		long seconds = group(matcher, 1) * 3600 + group(matcher, 2) * 60 + group(matcher, 3);
		return seconds >= 5;
	}

	private static long group(Matcher matcher, int group) {
		return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
	}

	private static ObjectNode detail(String detail) {
		return JSON.createObjectNode().put("detail", detail);
	}

	/** Replicate's answer to an input its model's schema refuses. */
	private static ObjectNode invalidInput(List<String> problems) {
		ObjectNode json = validation("- " + String.join("\n- ", problems) + "\n");
		var fields = json.putArray("invalid_fields");
		for (String problem : problems) {
			int colon = problem.indexOf(':');
			fields.addObject()
				.put("type", "invalid")
				.put("field", problem.substring(0, colon))
				.put("description", problem.substring(colon + 1).strip());
		}
		return json;
	}

	private static ObjectNode validation(String detail) {
		ObjectNode json = JSON.createObjectNode();
		json.put("title", "Input validation failed");
		json.put("detail", detail);
		json.put("status", 422);
		return json;
	}

	private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
		String contentType = status >= 400 ? "application/problem+json" : "application/json";
		respondBytes(exchange, status, JSON.writeValueAsBytes(body), contentType);
	}

	private static void respondBytes(HttpExchange exchange, int status, byte[] body, String contentType)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, List<String>> copy(Headers headers) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		return copy;
	}

	private FakePrediction prediction(String id) {
		FakePrediction prediction = predictions.get(id);
		if (prediction == null) {
			throw new IllegalArgumentException("No prediction " + id + "; created: " + predictions.keySet());
		}
		return prediction;
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

	/** Replicate-like ids: 26 lowercase base32 characters. */
	private static String randomId() {
		String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 26; i++) {
			id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return id.toString();
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String md5(byte[] bytes) {
		return digest("MD5", bytes);
	}

	private static String digest(String algorithm, byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String extension(String contentType) {
		return switch (contentType == null ? "" : contentType) {
			case "video/mp4" -> ".mp4";
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			default -> ".bin";
		};
	}

	// ---- scripting ----

	/** What creates of one model lead to: the given scenarios in turn, the last one repeating. */
	public static final class ModelScript {

		private final Deque<Scenario> scenarios = new ArrayDeque<>();

		private Scenario last;

		public synchronized ModelScript respondWith(Scenario first, Scenario... then) {
			scenarios.clear();
			scenarios.add(first);
			scenarios.addAll(List.of(then));
			last = null;
			return this;
		}

		synchronized Scenario next() {
			Scenario next = scenarios.poll();
			if (next != null) {
				last = next;
			}
			return last;
		}

	}

	enum Outcome {

		SUCCEEDED, FAILED, CANCELED, ABORTED, NEVER_FINISHES, OUTPUT_MISSING

	}

	/** How one prediction goes. Immutable; {@code afterPolls} and {@code withOutputArray} make variants. */
	public static final class Scenario {

		private final Outcome outcome;

		private final int polls;

		private final byte[] output;

		private final String contentType;

		private final boolean outputArray;

		private final String error;

		/** The host name put in the output URL instead of the delivery server's address, or null. */
		private final String outputHost;

		/** The host the delivery server redirects a request for the output to, or null to serve it. */
		private final String redirectTo;

		private Scenario(Outcome outcome, int polls, byte[] output, String contentType, boolean outputArray,
				String error) {
			this(outcome, polls, output, contentType, outputArray, error, null, null);
		}

		private Scenario(Outcome outcome, int polls, byte[] output, String contentType, boolean outputArray,
				String error, String outputHost, String redirectTo) {
			this.outcome = outcome;
			this.polls = Math.max(polls, 1);
			this.output = output;
			this.contentType = contentType;
			this.outputArray = outputArray;
			this.error = error;
			this.outputHost = outputHost;
			this.redirectTo = redirectTo;
		}

		/**
		 * The output URL names {@code host} (same port, same file), e.g. {@code localhost}: a host
		 * that does reach the delivery server but that the app must not fetch from.
		 */
		public Scenario withOutputOnHost(String host) {
			return new Scenario(outcome, polls, output, contentType, outputArray, error, host, redirectTo);
		}

		/**
		 * The delivery server answers the output URL with a 302 to the same file on {@code host}
		 * (same port), where it is served without a redirect.
		 */
		public Scenario withOutputRedirectingToHost(String host) {
			return new Scenario(outcome, polls, output, contentType, outputArray, error, outputHost, host);
		}

		/** Succeeds at the {@code polls}-th GET with {@code output} served at the output URL. */
		public static Scenario succeedsAfterPolls(int polls, byte[] output, String contentType) {
			return new Scenario(Outcome.SUCCEEDED, polls, output.clone(), contentType, false, null);
		}

		/** Succeeds at the first GET. */
		public static Scenario succeeds(byte[] output, String contentType) {
			return succeedsAfterPolls(1, output, contentType);
		}

		/** Ends {@code failed} with Replicate's {@code error} text {@code message}, at the first GET. */
		public static Scenario fails(String message) {
			return new Scenario(Outcome.FAILED, 1, null, null, false, message);
		}

		/** Ends {@code canceled} (as if canceled on Replicate's side) at the first GET. */
		public static Scenario canceled() {
			return new Scenario(Outcome.CANCELED, 1, null, null, false, null);
		}

		/** Ends {@code aborted} (never started before its deadline) at the first GET. */
		public static Scenario aborted() {
			return new Scenario(Outcome.ABORTED, 1, null, null, false, null);
		}

		/** Stays {@code processing} forever, its logs creeping towards 99%, until canceled. */
		public static Scenario neverFinishes() {
			return new Scenario(Outcome.NEVER_FINISHES, Integer.MAX_VALUE, null, null, false, null);
		}

		/** Succeeds at the first GET, but its output URL answers 404. */
		public static Scenario outputMissing() {
			return new Scenario(Outcome.OUTPUT_MISSING, 1, null, "video/mp4", false, null);
		}

		/** The same outcome, reached at the {@code polls}-th GET (at least the first). */
		public Scenario afterPolls(int polls) {
			return new Scenario(outcome, polls, output, contentType, outputArray, error, outputHost, redirectTo);
		}

		/** {@code output} as an array of one URL (like {@code bytedance/seedream-4}) instead of a string. */
		public Scenario withOutputArray() {
			return new Scenario(outcome, polls, output, contentType, true, error, outputHost, redirectTo);
		}

	}

	// ---- records the tests read ----

	/**
	 * A successful create as the fake received it. {@code headers} have lower-case names.
	 */
	public record CreateRequest(String id, String model, Map<String, List<String>> headers, String rawBody,
			JsonNode body) {

		public String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		public JsonNode input() {
			return body.get("input");
		}

		/** The webhook URL sent, or {@code null}. */
		public String webhook() {
			return body.hasNonNull("webhook") ? body.get("webhook").asString() : null;
		}

		public List<String> webhookEventsFilter() {
			List<String> events = new ArrayList<>();
			body.path("webhook_events_filter").forEach(event -> events.add(event.asString()));
			return events;
		}

	}

	/**
	 * A file uploaded to {@code POST /files}: {@code filename} and {@code type} are the form
	 * fields (or the part's own when absent), {@code partFilename} and {@code partContentType}
	 * those of the {@code content} part.
	 */
	public record UploadedFile(String id, String filename, String partFilename, String type, String partContentType,
			byte[] bytes) {
	}

	/** A request to the delivery host. {@code headers} have lower-case names. */
	public record OutputRequest(String method, String path, Map<String, List<String>> headers) {

		public String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

	}

	/**
	 * A webhook sent to the app, and the HTTP status the app answered; status 0 (and no
	 * {@code webhookId}) when Replicate would not have sent it.
	 */
	public record Delivery(URI target, String webhookId, long timestamp, String body, int status, WebhookEvent event) {

		static Delivery notSent(URI target, String body, WebhookEvent event) {
			return new Delivery(target, null, 0, body, 0, event);
		}

		public boolean sent() {
			return status != 0;
		}

	}

	/** Replicate's webhook events, as named in {@code webhook_events_filter}. */
	public enum WebhookEvent {

		START("start"), OUTPUT("output"), LOGS("logs"), COMPLETED("completed");

		private final String wire;

		WebhookEvent(String wire) {
			this.wire = wire;
		}

		/** As written in {@code webhook_events_filter}. */
		public String wire() {
			return wire;
		}

	}

	private record Failure(int status, int retryAfterSeconds) {
	}

	private record Part(String filename, String contentType, byte[] bytes) {

		String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

	/** Just enough multipart/form-data parsing for the files API. */
	private static final class Multipart {

		static Map<String, Part> parse(byte[] body, String boundary) {
			// ISO-8859-1 maps every byte to one char and back, so binary parts survive.
			String text = new String(body, StandardCharsets.ISO_8859_1);
			String delimiter = "--" + boundary;
			Map<String, Part> parts = new LinkedHashMap<>();
			int position = text.indexOf(delimiter);
			while (position >= 0) {
				int start = position + delimiter.length();
				if (text.startsWith("--", start)) {
					break;
				}
				start = text.indexOf("\r\n", start) + 2;
				int next = text.indexOf("\r\n" + delimiter, start);
				if (next < 0) {
					break;
				}
				String part = text.substring(start, next);
				int headersEnd = part.indexOf("\r\n\r\n");
				String headers = part.substring(0, headersEnd);
				byte[] content = part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
				String name = attribute(headers, "name");
				String filename = attribute(headers, "filename");
				String contentType = null;
				for (String line : headers.split("\r\n")) {
					if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
						contentType = line.substring("content-type:".length()).trim();
					}
				}
				if (name != null) {
					parts.put(name, new Part(filename, contentType, content));
				}
				position = next + 2;
			}
			return parts;
		}

		private static String attribute(String headers, String attribute) {
			Matcher matcher = Pattern.compile("[; ]" + attribute + "=\"([^\"]*)\"").matcher(headers);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

	// ---- one prediction's life ----

	private final class FakePrediction {

		final String id;

		final String model;

		final JsonNode input;

		final URI webhook;

		/** The events asked for at create, or {@code null}: all of them. */
		final List<String> eventsFilter;

		final Scenario scenario;

		/** The logs last sent in a {@code logs} webhook. */
		private String logsSent;

		final Instant createdAt = Instant.now();

		private int polls;

		private boolean canceled;

		private Instant startedAt;

		private Instant completedAt;

		FakePrediction(String id, String model, JsonNode input, URI webhook, List<String> eventsFilter,
				Scenario scenario) {
			this.id = id;
			this.model = model;
			this.input = input;
			this.webhook = webhook;
			this.eventsFilter = eventsFilter == null ? null : List.copyOf(eventsFilter);
			this.scenario = scenario;
		}

		synchronized WebhookEvent currentEvent() {
			PredictionStatus status = status();
			if (status.isTerminal()) {
				return WebhookEvent.COMPLETED;
			}
			return status == PredictionStatus.PROCESSING ? WebhookEvent.LOGS : WebhookEvent.START;
		}

		boolean subscribed(WebhookEvent event) {
			return eventsFilter == null || eventsFilter.contains(event.wire());
		}

		synchronized boolean logsSent() {
			return logs(status()).equals(logsSent);
		}

		synchronized void markLogsSent() {
			logsSent = logs(status());
		}

		synchronized void poll() {
			if (polls < Integer.MAX_VALUE) {
				polls++;
			}
			stamp();
		}

		synchronized void finish() {
			if (scenario.outcome != Outcome.NEVER_FINISHES) {
				polls = Math.max(polls, scenario.polls);
			}
			stamp();
		}

		synchronized void cancel() {
			if (!status().isTerminal()) {
				canceled = true;
			}
			stamp();
		}

		private void stamp() {
			PredictionStatus status = status();
			if (status != PredictionStatus.STARTING && status != PredictionStatus.ABORTED && startedAt == null) {
				startedAt = Instant.now();
			}
			if (status.isTerminal() && completedAt == null) {
				completedAt = Instant.now();
			}
		}

		synchronized PredictionStatus status() {
			if (canceled) {
				return PredictionStatus.CANCELED;
			}
			if (scenario.outcome == Outcome.NEVER_FINISHES || polls < scenario.polls) {
				if (scenario.outcome == Outcome.ABORTED || polls == 0) {
					return PredictionStatus.STARTING;
				}
				return PredictionStatus.PROCESSING;
			}
			return switch (scenario.outcome) {
				case SUCCEEDED, OUTPUT_MISSING -> PredictionStatus.SUCCEEDED;
				case FAILED -> PredictionStatus.FAILED;
				case CANCELED -> PredictionStatus.CANCELED;
				case ABORTED -> PredictionStatus.ABORTED;
				case NEVER_FINISHES -> PredictionStatus.PROCESSING;
			};
		}

		private int percent() {
			if (scenario.outcome == Outcome.NEVER_FINISHES) {
				return Math.min(99, polls * 10);
			}
			return (int) Math.min(100, (long) polls * 100 / scenario.polls);
		}

		private String logs(PredictionStatus status) {
			if (status == PredictionStatus.STARTING || status == PredictionStatus.ABORTED || polls == 0) {
				return "";
			}
			StringBuilder logs = new StringBuilder("Generating video...\n");
			int percent = status == PredictionStatus.SUCCEEDED ? 100 : percent();
			logs.append(String.format(Locale.ROOT, "%3d%%|%-10s| %d/100%n", percent, "#".repeat(percent / 10),
					percent));
			return logs.toString();
		}

		synchronized ObjectNode toJson() {
			PredictionStatus status = status();
			ObjectNode json = JSON.createObjectNode();
			json.put("id", id);
			json.put("model", model);
			json.put("version", "hidden");
			json.set("input", input);
			json.put("logs", logs(status));
			if (status == PredictionStatus.SUCCEEDED) {
				String origin = scenario.outputHost == null ? deliveryUrl()
						: "http://" + scenario.outputHost + ":" + delivery.getAddress().getPort();
				String url = origin + "/" + (scenario.outcome == Outcome.OUTPUT_MISSING ? "gone-" : "") + id
						+ "/output" + extension(scenario.contentType);
				if (scenario.outputArray) {
					ArrayNode output = json.putArray("output");
					output.add(url);
				}
				else {
					json.put("output", url);
				}
			}
			else {
				json.putNull("output");
			}
			json.put("data_removed", false);
			if (status == PredictionStatus.FAILED) {
				json.put("error", scenario.error);
			}
			else {
				json.putNull("error");
			}
			json.put("source", "api");
			json.put("status", wire(status));
			json.put("created_at", createdAt.toString());
			putInstant(json, "started_at", startedAt);
			putInstant(json, "completed_at", completedAt);
			ObjectNode urls = json.putObject("urls");
			urls.put("cancel", baseUrl() + "/predictions/" + id + "/cancel");
			urls.put("get", baseUrl() + "/predictions/" + id);
			urls.put("web", "https://replicate.com/p/" + id);
			ObjectNode metrics = json.putObject("metrics");
			if (status.isTerminal() && startedAt != null) {
				metrics.put("predict_time", Duration.between(startedAt, completedAt).toMillis() / 1000.0);
				metrics.put("total_time", Duration.between(createdAt, completedAt).toMillis() / 1000.0);
			}
			return json;
		}

		/**
		 * Replicate's spelling, written out here rather than derived from the production enum, so
		 * that a misspelt status in our code cannot be copied into the fake and agree with itself.
		 */
		private static String wire(PredictionStatus status) {
			return switch (status) {
				case STARTING -> "starting";
				case PROCESSING -> "processing";
				case SUCCEEDED -> "succeeded";
				case FAILED -> "failed";
				case CANCELED -> "canceled";
				case ABORTED -> "aborted";
			};
		}

		private static void putInstant(ObjectNode json, String name, Instant instant) {
			if (instant == null) {
				json.putNull(name);
			}
			else {
				json.put(name, instant.toString());
			}
		}

	}

}
