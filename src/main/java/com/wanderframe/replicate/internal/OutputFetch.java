package com.wanderframe.replicate.internal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import com.wanderframe.replicate.ReplicateException;

/**
 * The rules for fetching a model's output, whose URL is data we are handed: only from the
 * allowed hosts (and Replicate's own API origin, for files it stores), redirects followed by
 * hand and only to allowed hosts, at most {@code maxBytes}, within one overall deadline.
 * Every breach is a {@link ReplicateException} that retrying will not cure (status 0 when there
 * was no HTTP answer to blame), so the generation fails and is refunded instead of waiting.
 */
final class OutputFetch {

	/** Delivery hosts redirect rarely, and never in chains; a long chain is a loop or a trick. */
	static final int MAX_REDIRECTS = 5;

	private final OutputHosts hosts;

	private final long maxBytes;

	private final Duration deadline;

	OutputFetch(ReplicateOutputProperties properties) {
		this.hosts = OutputHosts.parse(properties.hosts());
		this.maxBytes = properties.maxSize().toBytes();
		this.deadline = properties.deadline();
	}

	/** When the fetch of an output starting now must have finished. */
	Instant deadlineFromNow() {
		return Instant.now().plus(deadline);
	}

	/** What is left of the overall deadline, or a failure once it has passed. */
	Duration remaining(Instant until, URI url) {
		Duration left = Duration.between(Instant.now(), until);
		if (left.isNegative() || left.isZero()) {
			throw new ReplicateException(0, "download output: " + url.getHost() + " did not deliver within " + deadline);
		}
		return left;
	}

	/**
	 * @param apiOrigin whether the URL is on Replicate's API itself (checked by the caller)
	 * @throws ReplicateException when the URL is on no allowed host
	 */
	void requireAllowed(URI url, boolean apiOrigin) {
		if (!apiOrigin && !hosts.allows(url)) {
			throw new ReplicateException(0, "download output: " + describe(url)
					+ " is not an allowed output host (WANDERFRAME_REPLICATE_OUTPUT_HOSTS)");
		}
	}

	/** The redirect target of a 3xx answer, resolved against {@code from}; empty for other answers. */
	static Optional<URI> redirectTarget(URI from, HttpResponse<?> response) {
		int status = response.statusCode();
		if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
			return Optional.empty();
		}
		String location = response.headers().firstValue("Location").orElseThrow(() -> new ReplicateException(status,
				"download output: " + from.getHost() + " redirected without a Location"));
		try {
			return Optional.of(from.resolve(location.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new ReplicateException(status, "download output: " + from.getHost() + " redirected to a bad URL");
		}
	}

	/** Refuses an answer that announces more than the cap before any of it is read. */
	void requireDeclaredSizeWithinCap(HttpResponse.ResponseInfo info) {
		info.headers().firstValueAsLong("Content-Length").ifPresent(length -> {
			if (length > maxBytes) {
				throw new OutputTooLarge(maxBytes);
			}
		});
	}

	/** Writes the body to {@code file}, failing with {@link OutputTooLarge} once it passes the cap. */
	HttpResponse.BodySubscriber<Path> cappedFile(Path file) {
		return new CappedBody(HttpResponse.BodySubscribers.ofFile(file, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING), maxBytes);
	}

	private static String describe(URI url) {
		return url.getScheme() + "://" + url.getHost();
	}

	static final class OutputTooLarge extends ReplicateException {

		OutputTooLarge(long maxBytes) {
			super(0, "download output: larger than the " + maxBytes + " bytes allowed (WANDERFRAME_REPLICATE_OUTPUT_MAX_SIZE)");
		}

	}

	/** Counts what arrives and cancels the transfer as soon as it passes the cap. */
	private static final class CappedBody implements HttpResponse.BodySubscriber<Path> {

		private final HttpResponse.BodySubscriber<Path> file;

		private final long maxBytes;

		private final CompletableFuture<Path> body = new CompletableFuture<>();

		private Flow.Subscription subscription;

		private long received;

		CappedBody(HttpResponse.BodySubscriber<Path> file, long maxBytes) {
			this.file = file;
			this.maxBytes = maxBytes;
			file.getBody().whenComplete((path, error) -> {
				if (error != null) {
					body.completeExceptionally(error);
				}
				else {
					body.complete(path);
				}
			});
		}

		@Override
		public CompletionStage<Path> getBody() {
			return body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			file.onSubscribe(subscription);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			if (body.isDone()) {
				return;
			}
			for (ByteBuffer item : items) {
				received += item.remaining();
			}
			if (received > maxBytes) {
				OutputTooLarge tooLarge = new OutputTooLarge(maxBytes);
				body.completeExceptionally(tooLarge);
				subscription.cancel();
				file.onError(tooLarge);
				return;
			}
			file.onNext(items);
		}

		@Override
		public void onError(Throwable throwable) {
			file.onError(throwable);
		}

		@Override
		public void onComplete() {
			if (!body.isDone()) {
				file.onComplete();
			}
		}

	}

}
