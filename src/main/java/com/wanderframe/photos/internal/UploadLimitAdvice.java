package com.wanderframe.photos.internal;

import com.wanderframe.platform.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Tomcat stops reading a multipart body at the configured limits
 * ({@code spring.servlet.multipart.max-file-size}), before any controller runs; that refusal
 * gets the same problem as our own size check. Photos are the only uploads, hence the code.
 * A body that is not valid multipart at all is the client's mistake, not a server error.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large",
					"This photo is larger than 15 MB. Upload a smaller one."));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> malformed(MultipartException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed_upload",
					"The upload could not be read as a multipart form. Try again."));
	}

}
