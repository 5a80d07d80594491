package com.wanderframe.replicate.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;

/**
 * Every call to Replicate's API (each attempt, so retries show) as an observation named
 * {@code wanderframe.replicate.calls}: a timer by operation and outcome, and a span (a child of
 * the job's) when tracing is on. The request carries the span's W3C {@code traceparent}, so the
 * call is one trace from the person's request to Replicate. Outcomes: {@code success}, {@code throttled} (429),
 * {@code client_error}, {@code server_error}, {@code network_error}, {@code interrupted}.
 */
final class ReplicateCallObservations {

	/** Low-cardinality names for the operations, from the descriptions the client logs. */
	private static final List<Map.Entry<String, String>> OPERATIONS = List.of(
			Map.entry("create prediction", "create_prediction"), Map.entry("get prediction", "get_prediction"),
			Map.entry("cancel prediction", "cancel_prediction"), Map.entry("upload file", "upload_file"),
			Map.entry("get webhook secret", "get_webhook_secret"));

	private final ObservationRegistry registry;

	ReplicateCallObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	<T> HttpResponse<T> send(String operation, HttpClient client, HttpRequest request,
			HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
		String name = name(operation);
		// The tracing handler writes the propagation headers into the carrier once the span starts.
		RequestReplySenderContext<HttpRequest.Builder, HttpResponse<?>> context = new RequestReplySenderContext<>(
				(carrier, key, value) -> carrier.setHeader(key, value));
		context.setCarrier(HttpRequest.newBuilder(request, (header, value) -> true));
		context.setRemoteServiceName("replicate");
		Observation observation = Observation.createNotStarted("wanderframe.replicate.calls", () -> context, registry)
			.contextualName("replicate " + name)
			.lowCardinalityKeyValue("operation", name)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			HttpResponse<T> response = client.send(context.getCarrier().build(), body);
			context.setResponse(response);
			observation.lowCardinalityKeyValue("outcome", outcome(response.statusCode()));
			return response;
		}
		catch (IOException ex) {
			observation.lowCardinalityKeyValue("outcome", "network_error");
			observation.error(ex);
			throw ex;
		}
		catch (InterruptedException ex) {
			observation.lowCardinalityKeyValue("outcome", "interrupted");
			throw ex;
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("outcome", "network_error");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private static String name(String operation) {
		return OPERATIONS.stream()
			.filter(entry -> operation.startsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("other");
	}

	private static String outcome(int status) {
		if (status / 100 == 2) {
			return "success";
		}
		if (status == 429) {
			return "throttled";
		}
		return status >= 500 ? "server_error" : "client_error";
	}

}
