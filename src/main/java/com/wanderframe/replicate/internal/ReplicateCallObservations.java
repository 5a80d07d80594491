package com.wanderframe.replicate.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Every call to Replicate's API (each attempt, so retries show) as an observation named
 * {@code wanderframe.replicate.calls}: a timer by operation and outcome, and a span (a child of
 * the job's) when tracing is on. Outcomes: {@code success}, {@code throttled} (429),
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
		Observation observation = Observation.createNotStarted("wanderframe.replicate.calls", registry)
			.contextualName("replicate " + name)
			.lowCardinalityKeyValue("operation", name)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			HttpResponse<T> response = client.send(request, body);
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
