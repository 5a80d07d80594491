package com.wanderframe.platform;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem details with a stable {@code code}; never an HTML page or
 * a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> apiException(ApiException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex instanceof RetryableApiException retryable) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryable.retryAfter().toSeconds()));
		}
		ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return response.body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "invalid_" + ex.getName(), "'" + ex.getName() + "' is not valid."));
	}

	@ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
	ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyLimitFilter.BodyTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", ex.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unhandled error", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getFieldErrors()
			.stream()
			.map(error -> error.getField() + " " + error.getDefaultMessage())
			.collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid_request", detail));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", tooLarge.getMessage()));
			}
		}
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed_request", "The request body is not valid JSON for this endpoint."));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		// Spring MVC's own refusals (405, 406, 415, missing parameters...) get a code too.
		if (body instanceof ProblemDetail problem && (problem.getProperties() == null
				|| !problem.getProperties().containsKey("code"))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String code = status == null ? "error" : status.name().toLowerCase();
			problem.setProperty("code", code);
			Problems.remember(code);
			// Spring's own details quote what was sent (a content type, a method): never much of it.
			if (problem.getDetail() != null && problem.getDetail().length() > Problems.MAX_DETAIL) {
				problem.setDetail(Problems.quote(problem.getDetail(), Problems.MAX_DETAIL));
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
