package com.wanderframe.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wanderframe.account.ActingUser;
import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With mail configured ({@code spring.mail.host}), an account's welcome credits wait until its
 * address is confirmed by a link; without mail (the embedded default) there is nothing to wait
 * for and sign-up grants them at once.
 * <p>
 * A link carries 256 random bits. Only their SHA-256 is stored, so the token is as unforgeable as
 * an HMAC signature (a changed character matches nothing) without a signing key to manage, and
 * the database row makes it single-use and expiring, which a signature alone cannot.
 */
@Component
class EmailVerification {

	private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ObjectProvider<JavaMailSender> mail;

	private final JdbcClient jdbc;

	private final Credits credits;

	private final TransactionTemplate transactions;

	private final Duration validFor;

	private final String from;

	private final String publicUrl;

	EmailVerification(ObjectProvider<JavaMailSender> mail, JdbcClient jdbc, Credits credits,
			TransactionTemplate transactions,
			@Value("${wanderframe.account.verification-valid-for:24h}") Duration validFor,
			@Value("${wanderframe.account.mail-from:Wanderframe <no-reply@localhost>}") String from,
			@Value("${wanderframe.account.public-url:}") String publicUrl) {
		this.mail = mail;
		this.jdbc = jdbc;
		this.credits = credits;
		this.transactions = transactions;
		this.validFor = validFor;
		this.from = from;
		this.publicUrl = publicUrl;
	}

	boolean required() {
		return mail.getIfAvailable() != null;
	}

	/**
	 * Records a new link for {@code user} and mails it. A mail server that refuses is logged and
	 * the person can ask again ({@code POST /api/auth/verification}).
	 * @param requestBaseUrl where this request reached us, when no public URL is configured
	 * @return whether the mail went out
	 */
	boolean send(SignedInUser user, String requestBaseUrl) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("INSERT INTO email_verifications (token_hash, user_id, expires_at) VALUES (?, ?, ?)")
					.params(hash(token), user.id(), java.sql.Timestamp.from(Instant.now().plus(validFor)))
					.update();
				jdbc.sql("UPDATE users SET awaiting_verification = true WHERE id = ? AND email_verified_at IS NULL")
					.param(user.id())
					.update();
			});
		}
		String base = publicUrl.isBlank() ? requestBaseUrl : publicUrl.replaceAll("/+$", "");
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(user.email());
		message.setSubject("Confirm your email for Wanderframe");
		message.setText("""
				Welcome to Wanderframe!

				Confirm this address to receive your welcome credits:

				%s/verify-email?token=%s

				The link works once, for the next %d hours. If you did not sign up, ignore this mail.
				""".formatted(base, token, Math.max(1, validFor.toHours())));
		try {
			mail.getObject().send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not send the verification mail for account {}: {}", user.id(), ex.getMessage());
			return false;
		}
	}

	/** Whether {@code user} asked for a link within the last minute (no mail floods). */
	boolean sentRecently(UUID user) {
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			return transactions.execute(status -> jdbc
				.sql("SELECT EXISTS (SELECT 1 FROM email_verifications WHERE user_id = ? AND created_at > now() - interval '1 minute')")
				.param(user)
				.query(Boolean.class)
				.single());
		}
	}

	/**
	 * Uses the link's token: once, before it expires. The first link followed verifies the
	 * account and gives the welcome credits; anything else changes nothing.
	 * @return the account verified, if this token did it
	 */
	Optional<UUID> verify(String token, int welcomeCredits) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			return transactions.execute(status -> {
				Optional<UUID> user = jdbc.sql("""
						UPDATE email_verifications SET used_at = now()
						WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()
						RETURNING user_id
						""").param(hash(token)).query(UUID.class).optional();
				Optional<UUID> verified = user.flatMap(id -> jdbc.sql("""
						UPDATE users SET email_verified_at = now(), awaiting_verification = false
						WHERE id = ? AND email_verified_at IS NULL
						RETURNING id
						""").param(id).query(UUID.class).optional());
				verified.ifPresent(id -> credits.grantWelcome(id, welcomeCredits));
				return verified;
			});
		}
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
