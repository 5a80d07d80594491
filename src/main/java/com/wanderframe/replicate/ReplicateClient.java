package com.wanderframe.replicate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Replicate's HTTP API as we use it. Calls retry 429 and 5xx answers with backoff, honouring
 * {@code Retry-After}, before giving up with a {@link ReplicateException} (see each method for
 * what it retries). The API token never appears in a log line, an exception message or a
 * response.
 * <p>
 * Every call to Replicate throws {@link ReplicateCallInterruptedException} (not a {@link ReplicateException})
 * when its thread is interrupted while it waits, e.g. by a shutting-down job scheduler; the
 * interrupt flag is set again. Callers should not treat that as a failure of the work.
 */
public interface ReplicateClient {

	/** Whether a token is configured (REPLICATE_API_TOKEN). */
	boolean isConfigured();

	/**
	 * Where Replicate should post updates about our predictions ({@code APP_PUBLIC_URL} plus the
	 * webhook path), or {@code null} when this app is not reachable from outside and polling
	 * brings the news.
	 */
	URI webhookUrl();

	/**
	 * {@code POST /models/{owner}/{name}/predictions}.
	 * @param model {@code owner/name}, e.g. {@code minimax/hailuo-02}
	 * @param webhook where Replicate should send updates, or {@code null} to rely on polling
	 * @param cancelAfter sent as the {@code Cancel-After} header, or {@code null}
	 * @throws ReplicateException when Replicate refused or could not be reached
	 * @throws ReplicateCallInterruptedException when the thread was interrupted; the prediction
	 * may have been created anyway
	 */
	Prediction createPrediction(String model, Map<String, Object> input, URI webhook, Duration cancelAfter);

	/**
	 * {@code GET /predictions/{id}}.
	 * @throws ReplicateException when Replicate refused or could not be reached after retries
	 * @throws ReplicateCallInterruptedException when the thread was interrupted
	 */
	Prediction getPrediction(String id);

	/**
	 * {@code POST /predictions/{id}/cancel}, tried once: callers cancel on a best-effort basis and
	 * must not be held up by retries.
	 * @throws ReplicateException at once when that one attempt fails
	 * @throws ReplicateCallInterruptedException when the thread was interrupted
	 */
	Prediction cancelPrediction(String id);

	/**
	 * Makes a file reachable by a model without our app being public: a data URL when it is at
	 * most 256 KB, else an upload to {@code POST /files} and its {@code urls.get}. A string, not
	 * a {@link URI}: it only goes into the prediction's JSON input, and parsing a data URL of a
	 * few hundred KB into a {@code URI} was the hottest method of the start jobs under load.
	 * @throws ReplicateException when the upload was refused or Replicate could not be reached
	 * @throws ReplicateCallInterruptedException when the thread was interrupted
	 */
	String toInputUrl(byte[] content, String contentType, String filename);

	/**
	 * Downloads an output file to {@code target}, retrying transient failures.
	 * @throws ReplicateException when the file is gone or its host kept failing
	 * @throws ReplicateCallInterruptedException when the thread was interrupted; nothing is left
	 * at {@code target}
	 */
	void download(URI url, Path target) throws IOException;

}
