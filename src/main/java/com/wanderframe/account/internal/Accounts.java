package com.wanderframe.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.wanderframe.account.AccountView;
import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;
import com.wanderframe.platform.ApiException;
import com.wanderframe.ratelimit.ClientAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class Accounts {

	/**
	 * Something@somewhere.tld, without the characters an address never needs unquoted (markup,
	 * quotes, brackets) nor invisible ones (controls, direction overrides): an address is shown
	 * back to its owner and to whoever looks after the accounts.
	 */
	private static final Pattern EMAIL = Pattern
		.compile("^[^@\\s<>()\\[\\]\\\\,;:\"\\p{C}]+@[^@\\s<>()\\[\\]\\\\,;:\"\\p{C}]+\\.[^@\\s<>()\\[\\]\\\\,;:\"\\p{C}]+$");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwords;

	private final Credits credits;

	Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, PasswordPolicy passwords, Credits credits) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.passwords = passwords;
		this.credits = credits;
	}

	/**
	 * Checks what a sign-up asks for, before anything is counted or written.
	 * @return the email as it will be stored
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	String checkSignUp(String rawEmail, String password) {
		String email = rawEmail == null ? "" : rawEmail.strip();
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw ApiException.badRequest("invalid_email", "Enter a valid email address.");
		}
		passwords.requireAcceptable(password, email);
		return email;
	}

	/**
	 * Creates the account with its credit account and {@code grant} credits (none while the
	 * welcome grant waits for the email to be verified).
	 */
	SignedInUser signUp(String email, String password, int grant) {
		UUID id = jdbc.sql("""
				INSERT INTO users (email, password_hash) VALUES (?, ?)
				ON CONFLICT ((lower(email))) DO NOTHING
				RETURNING id
				""")
			.params(email, passwordEncoder.encode(password))
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> ApiException.conflict("email_taken", "An account with this email already exists."));
		credits.open(id, grant);
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
		Identity identity = jdbc.sql("SELECT email, awaiting_verification FROM users WHERE id = ?")
			.param(id)
			.query(Identity.class)
			.single();
		return new AccountView(id, identity.email(), credits.balanceOf(id), identity.awaitingVerification());
	}

	private record Identity(String email, boolean awaitingVerification) {
	}

	/** Whether the account with this email signed in (or up) from {@code client} in the last 30 days. */
	@Transactional(readOnly = true)
	boolean isKnownAddress(String email, ClientAddress client) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM sign_in_addresses a JOIN users u ON u.id = a.user_id
				               WHERE lower(u.email) = lower(?) AND a.address_hash = ?
				                 AND a.last_signed_in_at > now() - interval '30 days')
				""")
			.params(email == null ? "" : email.strip(), hash(client))
			.query(Boolean.class)
			.single();
	}

	void rememberAddress(UUID user, ClientAddress client) {
		jdbc.sql("""
				INSERT INTO sign_in_addresses (user_id, address_hash) VALUES (?, ?)
				ON CONFLICT (user_id, address_hash) DO UPDATE SET last_signed_in_at = now()
				""")
			.params(user, hash(client))
			.update();
	}

	private static String hash(ClientAddress client) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(client.address().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record StoredAccount(UUID id, String email, String passwordHash) {
	}

}
