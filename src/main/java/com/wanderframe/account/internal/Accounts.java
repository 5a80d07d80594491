package com.wanderframe.account.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.wanderframe.account.AccountView;
import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;
import com.wanderframe.platform.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class Accounts {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	static final int MIN_PASSWORD_LENGTH = 8;

	// bcrypt reads no more than 72 bytes; refusing longer passwords beats silently ignoring the rest.
	static final int MAX_PASSWORD_BYTES = 72;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final Credits credits;

	Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Credits credits) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.credits = credits;
	}

	SignedInUser signUp(String rawEmail, String password) {
		String email = rawEmail == null ? "" : rawEmail.strip();
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw ApiException.badRequest("invalid_email", "Enter a valid email address.");
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw ApiException.badRequest("invalid_password",
					"Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw ApiException.badRequest("invalid_password", "Choose a password of at most 72 characters.");
		}
		UUID id = jdbc.sql("""
				INSERT INTO users (email, password_hash) VALUES (?, ?)
				ON CONFLICT ((lower(email))) DO NOTHING
				RETURNING id
				""")
			.params(email, passwordEncoder.encode(password))
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> ApiException.conflict("email_taken", "An account with this email already exists."));
		credits.open(id);
		return new SignedInUser(id, email);
	}

	@Transactional(readOnly = true)
	Optional<StoredAccount> findByEmail(String email) {
		return jdbc.sql("SELECT id, email, password_hash FROM users WHERE lower(email) = lower(?)")
			.param(email == null ? "" : email.strip())
			.query(StoredAccount.class)
			.optional();
	}

	@Transactional(readOnly = true)
	AccountView view(UUID id) {
		String email = jdbc.sql("SELECT email FROM users WHERE id = ?").param(id).query(String.class).single();
		return new AccountView(id, email, credits.balanceOf(id));
	}

	record StoredAccount(UUID id, String email, String passwordHash) {
	}

}
