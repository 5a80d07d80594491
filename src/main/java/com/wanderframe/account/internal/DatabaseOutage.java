package com.wanderframe.account.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.platform.ApiException;
import com.wanderframe.platform.RetryableApiException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Tells "we could not ask the database" apart from "the answer is no": a sign-in during an
 * outage must hear 503 and try again, not be told its password is wrong.
 */
final class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private DatabaseOutage() {
	}

	static <T> T guard(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (ApiException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (!isDatabaseFailure(ex)) {
				throw ex;
			}
			log.warn("Database unavailable during sign-in or sign-up: {}", ex.toString());
			throw new RetryableApiException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
					"We cannot reach our database right now. Try again in a moment.", Duration.ofSeconds(5));
		}
	}

	private static boolean isDatabaseFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof InternalAuthenticationServiceException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
