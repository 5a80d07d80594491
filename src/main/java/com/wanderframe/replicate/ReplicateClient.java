package com.wanderframe.replicate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Replicate's HTTP API as we use it. Every call retries 429 and 5xx answers with backoff,
 * honouring {@code Retry-After}, before giving up with a {@link ReplicateException}. The API token
 * never appears in a log line, an exception message or a response.
 */
public interface ReplicateClient {

	/** Whether a token is configured (REPLICATE_API_TOKEN). */
	boolean isConfigured();

	/**
	 * {@code POST /models/{owner}/{name}/predictions}.
	 * @param model {@code owner/name}, e.g. {@code minimax/hailuo-02}
	 * @param webhook where Replicate should send updates, or {@code null} to rely on polling
	 * @param cancelAfter sent as the {@code Cancel-After} header, or {@code null}
	 */
	Prediction createPrediction(String model, Map<String, Object> input, URI webhook, Duration cancelAfter);

	/** {@code GET /predictions/{id}}. */
	Prediction getPrediction(String id);

	/** {@code POST /predictions/{id}/cancel}. */
	Prediction cancelPrediction(String id);

	/**
	 * Makes a file reachable by a model without our app being public: a data URL when it is at
	 * most 256 KB, else an upload to {@code POST /files} and its {@code urls.get}.
	 */
	URI toInputUri(byte[] content, String contentType, String filename);

	/** Downloads an output file to {@code target}, retrying transient failures. */
	void download(URI url, Path target) throws IOException;

}
