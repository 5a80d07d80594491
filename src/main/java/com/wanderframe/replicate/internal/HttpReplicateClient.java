package com.wanderframe.replicate.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.wanderframe.replicate.Prediction;
import com.wanderframe.replicate.ReplicateCallInterruptedException;
import com.wanderframe.replicate.ReplicateClient;
import com.wanderframe.replicate.ReplicateException;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link ReplicateClient} on the JDK's HttpClient: it lets us tell a connection that was never
 * made (nothing reached Replicate) from one that failed after the request went out, which is
 * what decides whether creating a prediction may be retried.
 */
@Component
class HttpReplicateClient implements ReplicateClient {

	private static final Logger log = LoggerFactory.getLogger(HttpReplicateClient.class);

	/** Replicate accepts data URLs for files of at most 256 KB; larger ones go through the files API. */
	static final int DATA_URL_LIMIT = 256 * 1024;

	private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");

	private static final Pattern PREDICTION_ID = Pattern.compile("[A-Za-z0-9_-]+");

	private final ReplicateProperties properties;

	/** API calls carry the token, so they never follow a redirect to wherever it points. */
	private final HttpClient api;

	/** Output files come from other hosts (replicate.delivery); no token goes there. */
	private final HttpClient files;

	private final ReplicateCallObservations calls;

	private final OutputFetch outputs;

	private final Duration outputDeadline;

	/** Fetches outputs from Replicate's delivery hosts only, with the default cap and deadline. */
	HttpReplicateClient(ReplicateProperties properties) {
		this(properties, ReplicateOutputProperties.defaults());
	}

	HttpReplicateClient(ReplicateProperties properties, ReplicateOutputProperties output) {
		this(properties, output, ObservationRegistry.NOOP);
	}

	@Autowired
	HttpReplicateClient(ReplicateProperties properties, ReplicateOutputProperties output,
			ObservationRegistry observations) {
		this.properties = properties;
		this.calls = new ReplicateCallObservations(observations);
		this.outputs = new OutputFetch(output);
		this.outputDeadline = output.deadline();
		this.api = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		// Redirects are followed by hand, each target checked against the allowed hosts.
		this.files = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public boolean isConfigured() {
		return properties.apiToken() != null;
	}

	@Override
	public URI webhookUrl() {
		return properties.webhookUrl();
	}

	/**
	 * Replicate has no idempotency key for creates, so a retry after a request that reached it may
	 * start (and bill) a second prediction whose id we never learn. We therefore retry a create
	 * only when Replicate cannot have started it: 429 (throttled before any work), 503 (refused as
	 * unavailable) and connections that were never established. A 500/502/504, a reset or a read
	 * timeout after the request went out is reported to the caller instead of guessed at.
	 */
	@Override
	public Prediction createPrediction(String model, Map<String, Object> input, URI webhook, Duration cancelAfter) {
		if (model == null || !MODEL.matcher(model).matches()) {
			throw new IllegalArgumentException("model must be owner/name, not '" + model + "'");
		}
		ObjectNode body = PredictionJson.JSON.createObjectNode();
		body.set("input", PredictionJson.JSON.valueToTree(input == null ? Map.of() : input));
		if (webhook != null) {
			body.put("webhook", webhook.toString());
			// "logs" is what carries progress (parsed from the logs); Replicate sends it at most every 500 ms.
			body.putArray("webhook_events_filter").add("start").add("output").add("logs").add("completed");
		}
		byte[] json = PredictionJson.JSON.writeValueAsBytes(body);
		HttpResponse<byte[]> response = call("create prediction for " + model, false, () -> {
			HttpRequest.Builder request = request("/models/" + model + "/predictions")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(json));
			if (cancelAfter != null) {
				request.header("Cancel-After", cancelAfter(cancelAfter));
			}
			return request.build();
		});
		return parse(response, "create prediction for " + model);
	}

	@Override
	public Prediction getPrediction(String id) {
		String operation = "get prediction " + checkId(id);
		return parse(call(operation, true, () -> request("/predictions/" + id).GET().build()), operation);
	}

	/**
	 * One attempt, no retries: callers (deadline sweeps, timed-out jobs) cancel on a best-effort
	 * basis and must not be held for minutes of backoff; their own job's next run is the retry,
	 * and the {@code Cancel-After} deadline given at create stops the prediction regardless.
	 */
	@Override
	public Prediction cancelPrediction(String id) {
		String operation = "cancel prediction " + checkId(id);
		return parse(call(operation, true, 1,
				() -> request("/predictions/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build()),
				operation);
	}

	/** An upload repeated after an unclear failure only leaves an unused file that Replicate expires. */
	@Override
	public String toInputUrl(byte[] content, String contentType, String filename) {
		String type = contentType == null || contentType.isBlank() ? "application/octet-stream"
				: contentType.replaceAll("[\\r\\n\"]", "");
		if (content.length <= DATA_URL_LIMIT) {
			return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(content);
		}
		String boundary = "wanderframe-" + UUID.randomUUID();
		String name = safeFilename(filename);
		byte[] body = multipart(boundary, content, type, name);
		HttpResponse<byte[]> response = call("upload file", true, () -> request("/files")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
		JsonNode file = readJson(response, "upload file");
		String url = file.path("urls").path("get").asString(null);
		if (url == null) {
			throw new ReplicateException(response.statusCode(), "Replicate's file upload answered without urls.get");
		}
		return url;
	}

	@Override
	public void download(URI url, Path target) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path partial = Files.createTempFile(directory, "." + target.getFileName(), ".part");
		try {
			downloadTo(url, partial);
			try {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/** {@code GET /webhooks/default/secret} → its {@code key} ({@code whsec_...}). */
	String fetchWebhookSecret() {
		String operation = "get webhook secret";
		JsonNode secret = readJson(call(operation, true, () -> request("/webhooks/default/secret").GET().build()),
				operation);
		String key = secret.path("key").asString(null);
		if (key == null || key.isBlank()) {
			throw new ReplicateException(200, "Replicate answered the webhook secret without a key");
		}
		return key;
	}

	/** Follows the rules of {@link OutputFetch}: allowed hosts only, by hand through redirects, capped. */
	private void downloadTo(URI url, Path partial) {
		String operation = "download output";
		int maxAttempts = properties.retry().maxAttempts();
		java.time.Instant until = outputs.deadlineFromNow();
		URI current = url;
		int attempt = 1;
		int redirects = 0;
		while (true) {
			boolean apiOrigin = sameOrigin(current);
			outputs.requireAllowed(current, apiOrigin);
			Duration left = outputs.remaining(until, current);
			HttpRequest.Builder request = HttpRequest.newBuilder(current)
				.timeout(left.compareTo(properties.requestTimeout()) < 0 ? left : properties.requestTimeout())
				.GET();
			// Files on Replicate's own API (files API uploads) need the token; delivery hosts must never see it.
			if (apiOrigin) {
				authorize(request);
			}
			java.util.concurrent.CompletableFuture<HttpResponse<Path>> pending = (apiOrigin ? api : files)
				.sendAsync(request.build(), info -> {
					if (info.statusCode() / 100 != 2) {
						return HttpResponse.BodySubscribers.replacing(null);
					}
					outputs.requireDeclaredSizeWithinCap(info);
					return outputs.cappedFile(partial);
				});
			HttpResponse<Path> response;
			try {
				// The deadline covers the body too, not just the wait for headers.
				response = pending.get(left.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				pending.cancel(true);
				throw new ReplicateException(0, operation + ": " + current.getHost() + " did not deliver within "
						+ outputDeadline);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				ReplicateException refusal = causeOfType(ex, ReplicateException.class);
				if (refusal != null) {
					throw refusal;
				}
				IOException network = causeOfType(ex, IOException.class);
				if (network != null && attempt < maxAttempts) {
					pause(operation, "network failure (" + network.getClass().getSimpleName() + ")", attempt,
							backoff(attempt));
					attempt++;
					continue;
				}
				throw new ReplicateException(0, operation + ": could not reach " + current.getHost() + " ("
						+ ex.getCause().getClass().getSimpleName() + ")", ex.getCause());
			}
			catch (InterruptedException ex) {
				pending.cancel(true);
				throw interrupted(operation, ex);
			}
			Optional<URI> redirect = OutputFetch.redirectTarget(current, response);
			if (redirect.isPresent()) {
				if (++redirects > OutputFetch.MAX_REDIRECTS) {
					throw new ReplicateException(response.statusCode(), operation + ": too many redirects from "
							+ url.getHost());
				}
				current = redirect.get();
				continue;
			}
			int status = response.statusCode();
			if (status / 100 == 2) {
				return;
			}
			if (transientStatus(status) && attempt < maxAttempts) {
				Duration delay = delay(attempt, response.headers().firstValue("Retry-After"));
				if (delay != null) {
					pause(operation, "answer " + status, attempt, delay);
					attempt++;
					continue;
				}
			}
			throw new ReplicateException(status, status == 404 || status == 410
					? "Replicate's output file is gone (" + status + "); outputs are deleted an hour after a prediction"
					: operation + ": " + current.getHost() + " answered " + status);
		}
	}

	private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
		for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/**
	 * Sends a request, retrying 429 and 5xx answers and network failures with exponential backoff
	 * and jitter, honouring {@code Retry-After}. When {@code idempotent} is false only failures
	 * that prove nothing was processed are retried (see {@link #createPrediction}).
	 */
	private HttpResponse<byte[]> call(String operation, boolean idempotent, Supplier<HttpRequest> request) {
		return call(operation, idempotent, properties.retry().maxAttempts(), request);
	}

	private HttpResponse<byte[]> call(String operation, boolean idempotent, int maxAttempts,
			Supplier<HttpRequest> request) {
		if (!isConfigured()) {
			throw new ReplicateException(0, "Replicate is not configured (REPLICATE_API_TOKEN is not set)");
		}
		for (int attempt = 1;; attempt++) {
			HttpResponse<byte[]> response;
			try {
				response = calls.send(operation, api, request.get(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				boolean neverSent = ex instanceof ConnectException || ex instanceof HttpConnectTimeoutException;
				if ((idempotent || neverSent) && attempt < maxAttempts) {
					pause(operation, "network failure (" + ex.getClass().getSimpleName() + ")", attempt,
							backoff(attempt));
					continue;
				}
				throw new ReplicateException(0, operation + ": could not reach Replicate ("
						+ ex.getClass().getSimpleName() + (neverSent ? "" : "; it may have been received") + ")", ex);
			}
			catch (InterruptedException ex) {
				throw interrupted(operation, ex);
			}
			int status = response.statusCode();
			if (status / 100 == 2) {
				return response;
			}
			boolean retryable = status == 429 || status == 503 || (idempotent && status >= 500);
			if (retryable && attempt < maxAttempts) {
				Duration delay = delay(attempt, response.headers().firstValue("Retry-After"));
				if (delay != null) {
					pause(operation, "answer " + status, attempt, delay);
					continue;
				}
			}
			throw new ReplicateException(status, scrub(operation + ": Replicate answered " + status + detail(response)));
		}
	}

	private HttpRequest.Builder request(String path) {
		return authorize(HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
			.timeout(properties.requestTimeout())
			.header("Accept", "application/json"));
	}

	private HttpRequest.Builder authorize(HttpRequest.Builder request) {
		return request.header("Authorization", "Bearer " + properties.apiToken());
	}

	private boolean sameOrigin(URI url) {
		return isConfigured() && sameOrigin(URI.create(properties.baseUrl()), url);
	}

	/** Scheme, host and port (the scheme's default when none is written) all equal: only then the token may go. */
	static boolean sameOrigin(URI base, URI url) {
		return base.getScheme().equalsIgnoreCase(url.getScheme()) && base.getHost().equalsIgnoreCase(url.getHost())
				&& port(base) == port(url);
	}

	private static int port(URI uri) {
		return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static boolean transientStatus(int status) {
		return status == 429 || status >= 500;
	}

	/** The wait before the next attempt, or {@code null} when Replicate asks for longer than we wait. */
	private Duration delay(int attempt, Optional<String> retryAfter) {
		Duration asked = retryAfter.map(HttpReplicateClient::parseRetryAfter).orElse(null);
		if (asked == null) {
			return backoff(attempt);
		}
		return asked.compareTo(properties.retry().maxDelay()) > 0 ? null : asked;
	}

	/** Exponential from the configured base, capped, with "equal jitter" (half fixed, half random). */
	private Duration backoff(int attempt) {
		return backoff(attempt, properties.retry().initialBackoff(), properties.retry().maxDelay());
	}

	static Duration backoff(int attempt, Duration initial, Duration maxDelay) {
		long base = initial.toMillis();
		long max = maxDelay.toMillis();
		long exponential = Math.min(max, base << Math.min(attempt - 1, 20));
		long half = exponential / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	static Duration parseRetryAfter(String value) {
		String trimmed = value.trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Duration until = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (RuntimeException notADate) {
				return null;
			}
		}
	}

	private void pause(String operation, String reason, int attempt, Duration delay) {
		log.warn("Replicate {}: {}, attempt {} of {}; retrying in {} ms", operation, reason, attempt,
				properties.retry().maxAttempts(), delay.toMillis());
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			throw interrupted(operation, ex);
		}
	}

	/**
	 * Nothing failed on Replicate's side: the thread is being stopped (db-scheduler interrupts
	 * running jobs when shutdown outlasts its wait). Reported apart from {@link ReplicateException}
	 * so that callers let the work be run again instead of failing and refunding it.
	 */
	private static ReplicateCallInterruptedException interrupted(String operation, InterruptedException ex) {
		Thread.currentThread().interrupt();
		return new ReplicateCallInterruptedException(operation + " interrupted", ex);
	}

	private Prediction parse(HttpResponse<byte[]> response, String operation) {
		try {
			return PredictionJson.parse(readJson(response, operation));
		}
		catch (IllegalArgumentException ex) {
			throw new ReplicateException(response.statusCode(),
					operation + ": Replicate's answer is not a prediction (" + ex.getMessage() + ")");
		}
	}

	private static JsonNode readJson(HttpResponse<byte[]> response, String operation) {
		try {
			return PredictionJson.JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new ReplicateException(response.statusCode(), operation + ": Replicate's answer is not JSON");
		}
	}

	/** Replicate's {@code detail} (or {@code title}) for an error answer, shortened. */
	private static String detail(HttpResponse<byte[]> response) {
		String text;
		try {
			JsonNode json = PredictionJson.JSON.readTree(response.body());
			text = json.path("detail").asString(json.path("title").asString(""));
		}
		catch (RuntimeException notJson) {
			text = new String(response.body(), StandardCharsets.UTF_8);
		}
		text = text.replaceAll("\\s+", " ").strip();
		if (text.length() > 300) {
			text = text.substring(0, 300) + "…";
		}
		return text.isEmpty() ? "" : ": " + text;
	}

	/** Belt and braces: whatever Replicate echoes back, the token does not leave in a message. */
	private String scrub(String message) {
		String token = properties.apiToken();
		return token == null ? message : message.replace(token, "[token]");
	}

	/** Replicate's duration format: a number with {@code s}, {@code m} or {@code h}; at least 5 s. */
	static String cancelAfter(Duration duration) {
		long seconds = Math.max(5, duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0));
		if (seconds % 3600 == 0) {
			return seconds / 3600 + "h";
		}
		if (seconds % 60 == 0) {
			return seconds / 60 + "m";
		}
		return seconds + "s";
	}

	static String checkId(String id) {
		if (id == null || !PREDICTION_ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Not a prediction id: '" + id + "'");
		}
		return id;
	}

	private static String safeFilename(String filename) {
		String name = filename == null || filename.isBlank() ? "upload" : filename;
		return name.replaceAll("[\"\\\\\\r\\n/]", "_");
	}

	/** {@code content} (the file, with its name and type), {@code filename} and {@code type}. */
	private static byte[] multipart(String boundary, byte[] content, String type, String filename) {
		List<byte[]> chunks = new ArrayList<>();
		chunks.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		chunks.add(content);
		chunks.add(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"filename\"\r\n\r\n" + filename
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n--"
				+ boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		int size = chunks.stream().mapToInt(chunk -> chunk.length).sum();
		byte[] body = new byte[size];
		int offset = 0;
		for (byte[] chunk : chunks) {
			System.arraycopy(chunk, 0, body, offset, chunk.length);
			offset += chunk.length;
		}
		return body;
	}

}
