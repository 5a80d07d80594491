package com.wanderframe.billing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stripe, as far as Wanderframe uses it, on a loopback port, speaking Stripe's documented
 * contract: {@code POST /v1/checkout/sessions} (form-encoded, bearer key, {@code Idempotency-Key}),
 * {@code GET /v1/checkout/sessions/{id}}, {@code GET /v1/events}, errors as
 * {@code {"error": {"type", "code", "message"}}}, and signed webhook deliveries
 * ({@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}). The signature is computed
 * here by hand, not with stripe-java, so the app's verification is checked against the scheme
 * itself. A hosted checkout page ({@code /pay/{session}}) stands in for Stripe's own.
 */
public final class FakeStripe implements AutoCloseable {

	public static final String SECRET_KEY = "sk_test_fake_5fD2kq9Lw0";

	public static final String WEBHOOK_SECRET = "whsec_fake_Qm3vT8xY1c";

	/** The API version the fake's events carry: the one the app's stripe-java pins. */
	private static final String API_VERSION = com.stripe.Stripe.API_VERSION;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final HttpClient webhookClient = HttpClient.newHttpClient();

	private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();

	private final Map<String, String> sessionsByIdempotencyKey = new ConcurrentHashMap<>();

	private final List<ObjectNode> events = new ArrayList<>();

	private final List<Delivery> deliveries = new ArrayList<>();

	private final AtomicInteger retrieveCalls = new AtomicInteger();

	private final AtomicInteger unauthorizedCalls = new AtomicInteger();

	private final AtomicInteger failCreates = new AtomicInteger();

	private volatile URI webhookTarget;

	/** How many times each event is delivered: 0 loses it, 3 delivers it three times. */
	private volatile int deliveriesPerEvent = 1;

	public FakeStripe() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the fake Stripe", ex);
		}
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
	}

	public String baseUrl() {
		return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
	}

	/** Points a Spring test context at this fake, with purchases on. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("wanderframe.credits.stripe.api-base", this::baseUrl);
		registry.add("wanderframe.credits.stripe.secret-key", () -> SECRET_KEY);
		registry.add("wanderframe.credits.stripe.webhook-secret", () -> WEBHOOK_SECRET);
	}

	public FakeStripe webhookTarget(URI target) {
		this.webhookTarget = target;
		return this;
	}

	public FakeStripe deliverEachEvent(int times) {
		this.deliveriesPerEvent = times;
		return this;
	}

	public FakeStripe failNextCreates(int count) {
		failCreates.set(count);
		return this;
	}

	public synchronized void reset() {
		sessions.clear();
		sessionsByIdempotencyKey.clear();
		events.clear();
		deliveries.clear();
		retrieveCalls.set(0);
		unauthorizedCalls.set(0);
		failCreates.set(0);
		deliveriesPerEvent = 1;
	}

	public List<ObjectNode> sessions() {
		return List.copyOf(sessions.values());
	}

	public ObjectNode session(String id) {
		return sessions.get(id);
	}

	public int retrieveCalls() {
		return retrieveCalls.get();
	}

	public int unauthorizedCalls() {
		return unauthorizedCalls.get();
	}

	public synchronized List<Delivery> deliveries() {
		return List.copyOf(deliveries);
	}

	/** The person pays on the hosted page: the session completes and its event is delivered. */
	public void pay(String sessionId) {
		ObjectNode session = requireSession(sessionId);
		synchronized (session) {
			session.put("status", "complete");
			session.put("payment_status", "paid");
			session.put("payment_intent", "pi_" + token());
		}
		deliver(newEvent("checkout.session.completed", session.deepCopy()));
	}

	/** Stripe refunds the payment in full: {@code charge.refunded}. */
	public void refund(String sessionId) {
		ObjectNode session = requireSession(sessionId);
		ObjectNode charge = JSON.createObjectNode();
		charge.put("id", "ch_" + token());
		charge.put("object", "charge");
		charge.put("amount", session.path("amount_total").asLong());
		charge.put("amount_refunded", session.path("amount_total").asLong());
		charge.put("currency", session.path("currency").asString());
		charge.put("payment_intent", session.path("payment_intent").asString());
		charge.put("refunded", true);
		charge.put("status", "succeeded");
		deliver(newEvent("charge.refunded", charge));
	}

	/** The card holder disputes the payment: {@code charge.dispute.created}. */
	public void dispute(String sessionId) {
		ObjectNode session = requireSession(sessionId);
		ObjectNode dispute = JSON.createObjectNode();
		dispute.put("id", "dp_" + token());
		dispute.put("object", "dispute");
		dispute.put("amount", session.path("amount_total").asLong());
		dispute.put("charge", "ch_" + token());
		dispute.put("payment_intent", session.path("payment_intent").asString());
		dispute.put("reason", "fraudulent");
		dispute.put("status", "needs_response");
		deliver(newEvent("charge.dispute.created", dispute));
	}

	/** An event of a type the app does not handle. */
	public Delivery sendUnhandledEvent() {
		ObjectNode customer = JSON.createObjectNode();
		customer.put("id", "cus_" + token());
		customer.put("object", "customer");
		ObjectNode event = newEvent("customer.created", customer);
		return send(event.toString(), signatureHeader(event.toString(), Instant.now().getEpochSecond(), WEBHOOK_SECRET));
	}

	/** Posts {@code body} to the app with any signature header, as a forger would. */
	public Delivery send(String body, String signatureHeader) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(webhookTarget)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (signatureHeader != null) {
				request.header("Stripe-Signature", signatureHeader);
			}
			HttpResponse<String> response = webhookClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Delivery delivery = new Delivery(body, response.statusCode(), response.body());
			synchronized (this) {
				deliveries.add(delivery);
			}
			return delivery;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A {@code charge.refunded} event for the session, unsent, for tests that sign it themselves. */
	public String refundEventBody(String sessionId) {
		ObjectNode session = requireSession(sessionId);
		ObjectNode charge = JSON.createObjectNode();
		charge.put("id", "ch_" + token());
		charge.put("object", "charge");
		charge.put("amount", session.path("amount_total").asLong());
		charge.put("amount_refunded", session.path("amount_total").asLong());
		charge.put("payment_intent", session.path("payment_intent").asString());
		charge.put("refunded", true);
		return newEvent("charge.refunded", charge).toString();
	}

	/** Stripe's scheme: {@code t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>}. */
	public static String signatureHeader(String body, long timestamp, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Delivery(String body, int status, String response) {
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void deliver(ObjectNode event) {
		synchronized (this) {
			events.add(event);
		}
		if (webhookTarget == null) {
			return;
		}
		String body = event.toString();
		for (int i = 0; i < deliveriesPerEvent; i++) {
			send(body, signatureHeader(body, Instant.now().getEpochSecond(), WEBHOOK_SECRET));
		}
	}

	private ObjectNode newEvent(String type, ObjectNode object) {
		ObjectNode event = JSON.createObjectNode();
		event.put("id", "evt_" + token());
		event.put("object", "event");
		event.put("api_version", API_VERSION);
		event.put("created", Instant.now().getEpochSecond());
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		event.put("type", type);
		event.putObject("data").set("object", object);
		event.putObject("request").putNull("id");
		return event;
	}

	private ObjectNode requireSession(String sessionId) {
		ObjectNode session = sessions.get(sessionId);
		if (session == null) {
			throw new IllegalArgumentException("No Checkout Session " + sessionId);
		}
		return session;
	}

	private static String token() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

	// The HTTP side ---------------------------------------------------------------------------

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (path.startsWith("/pay/")) {
				hostedPage(exchange, path.substring("/pay/".length()), method);
				return;
			}
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (!("Bearer " + SECRET_KEY).equals(authorization)) {
				unauthorizedCalls.incrementAndGet();
				error(exchange, 401, "invalid_request_error", null, "Invalid API Key provided.");
				return;
			}
			if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
				createSession(exchange);
			}
			else if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
				retrieveCalls.incrementAndGet();
				ObjectNode session = sessions.get(path.substring("/v1/checkout/sessions/".length()));
				if (session == null) {
					error(exchange, 404, "invalid_request_error", "resource_missing", "No such checkout.session");
				}
				else {
					synchronized (session) {
						json(exchange, 200, session.toString());
					}
				}
			}
			else if (method.equals("GET") && path.equals("/v1/events")) {
				ObjectNode list = JSON.createObjectNode();
				list.put("object", "list");
				list.put("url", "/v1/events");
				list.put("has_more", false);
				synchronized (this) {
					tools.jackson.databind.node.ArrayNode data = list.putArray("data");
					for (int i = events.size() - 1; i >= 0; i--) {
						data.add(events.get(i));
					}
				}
				json(exchange, 200, list.toString());
			}
			else {
				error(exchange, 404, "invalid_request_error", "resource_missing", "Unrecognized request URL.");
			}
		}
	}

	private void createSession(HttpExchange exchange) throws IOException {
		if (failCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			error(exchange, 500, "api_error", null, "An unknown error occurred.");
			return;
		}
		Map<String, String> form = form(exchange.getRequestBody());
		String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if (idempotencyKey != null && sessionsByIdempotencyKey.containsKey(idempotencyKey)) {
			json(exchange, 200, sessions.get(sessionsByIdempotencyKey.get(idempotencyKey)).toString());
			return;
		}
		for (String required : List.of("mode", "success_url", "line_items[0][quantity]")) {
			if (!form.containsKey(required)) {
				error(exchange, 400, "invalid_request_error", "parameter_missing", "Missing required param: " + required);
				return;
			}
		}
		String unitAmount = form.get("line_items[0][price_data][unit_amount]");
		String currency = form.get("line_items[0][price_data][currency]");
		if (unitAmount == null || currency == null) {
			error(exchange, 400, "invalid_request_error", "parameter_missing",
					"This fake knows no prices: send line_items[0][price_data].");
			return;
		}
		String id = "cs_test_" + token();
		ObjectNode session = JSON.createObjectNode();
		session.put("id", id);
		session.put("object", "checkout.session");
		session.put("mode", form.get("mode"));
		session.put("status", "open");
		session.put("payment_status", "unpaid");
		session.put("amount_total", Long.parseLong(unitAmount) * Long.parseLong(form.get("line_items[0][quantity]")));
		session.put("currency", currency);
		session.put("client_reference_id", form.get("client_reference_id"));
		session.put("customer_email", form.get("customer_email"));
		session.put("success_url", form.get("success_url"));
		session.put("cancel_url", form.get("cancel_url"));
		session.put("product_name", form.get("line_items[0][price_data][product_data][name]"));
		session.put("created", Instant.now().getEpochSecond());
		if (form.containsKey("expires_at")) {
			session.put("expires_at", Long.parseLong(form.get("expires_at")));
		}
		session.putNull("payment_intent");
		session.put("livemode", false);
		session.put("url", baseUrl() + "/pay/" + id);
		ObjectNode metadata = session.putObject("metadata");
		form.forEach((key, value) -> {
			if (key.startsWith("metadata[") && key.endsWith("]")) {
				metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
			}
		});
		sessions.put(id, session);
		if (idempotencyKey != null) {
			sessionsByIdempotencyKey.put(idempotencyKey, id);
		}
		json(exchange, 200, session.toString());
	}

	/** The hosted checkout: a page with a Pay button; paying redirects to the success URL. */
	private void hostedPage(HttpExchange exchange, String sessionId, String method) throws IOException {
		ObjectNode session = sessions.get(sessionId.replace("/complete", ""));
		if (session == null) {
			html(exchange, 404, "<!DOCTYPE html><title>Not found</title><p>No such checkout.");
			return;
		}
		if (method.equals("POST")) {
			String target = session.path("success_url").asString().replace("{CHECKOUT_SESSION_ID}", session.path("id").asString());
			// Stripe sends the webhook on its own schedule, typically after the browser is back.
			executor.submit(() -> pay(session.path("id").asString()));
			exchange.getResponseHeaders().add("Location", target);
			exchange.sendResponseHeaders(303, -1);
			return;
		}
		String page = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
				<body><main><h1>Pay %s</h1><p>%s %s</p>
				<form method="post" action="/pay/%s"><button type="submit">Pay</button></form>
				</main></body></html>
				""".formatted(session.path("product_name").asString(), session.path("amount_total").asLong(),
				session.path("currency").asString(), session.path("id").asString());
		html(exchange, 200, page);
	}

	private static Map<String, String> form(InputStream body) throws IOException {
		Map<String, String> form = new LinkedHashMap<>();
		String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			form.put(key, value);
		}
		return form;
	}

	private static void error(HttpExchange exchange, int status, String type, String code, String message)
			throws IOException {
		ObjectNode error = JSON.createObjectNode();
		ObjectNode inner = error.putObject("error");
		inner.put("type", type);
		if (code != null) {
			inner.put("code", code);
		}
		inner.put("message", message);
		json(exchange, status, error.toString());
	}

	private static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Request-Id", "req_" + token());
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void html(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
