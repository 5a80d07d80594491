package com.wanderframe.observability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * What the running app logs during one test, as {@code WANDERFRAME_LOG_FORMAT=ecs} writes it: one
 * JSON object per line. Logging is set up once per JVM (the suite's first context decides the
 * console's format), so this hangs the same encoder Spring Boot puts on the console on the root
 * logger for the test, and takes it off afterwards. Register it with {@code @RegisterExtension}.
 */
final class JsonLogCapture implements BeforeEachCallback, AfterEachCallback {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ByteArrayOutputStream json = new ByteArrayOutputStream();

	private OutputStreamAppender<ILoggingEvent> appender;

	@Override
	public void beforeEach(ExtensionContext context) {
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(logback);
		encoder.setFormat("ecs");
		encoder.start();
		appender = new OutputStreamAppender<>();
		appender.setContext(logback);
		appender.setEncoder(encoder);
		appender.setOutputStream(json);
		appender.start();
		logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
		appender.stop();
	}

	/** Every JSON line logged so far in this test. */
	List<JsonNode> lines() {
		return json.toString(StandardCharsets.UTF_8)
			.lines()
			.filter(line -> line.startsWith("{"))
			.map(JSON::readTree)
			.toList();
	}

	/** A line's trace id, under whichever name the format gives it. */
	static String traceId(JsonNode line) {
		for (String field : List.of("traceId", "trace.id", "trace_id")) {
			if (line.hasNonNull(field)) {
				return line.path(field).asString();
			}
		}
		return line.path("trace").path("id").asString("");
	}

}
