package com.wanderframe.account.internal;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.wanderframe.account.AccountView;
import com.wanderframe.account.ActingUser;
import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;
import com.wanderframe.platform.ApiException;
import com.wanderframe.ratelimit.ClientAddress;
import com.wanderframe.ratelimit.SignInThrottle;
import com.wanderframe.ratelimit.SignUpThrottle;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

	private final Accounts accounts;

	private final AuthenticationManager authenticationManager;

	private final SecurityContextRepository securityContextRepository;

	private final PasswordPolicy passwords;

	private final SignUpThrottle signUpThrottle;

	private final SignInThrottle signInThrottle;

	private final Sessions sessions;

	private final EmailVerification verification;

	private final int signupGrant;

	AccountController(Accounts accounts, AuthenticationManager authenticationManager,
			SecurityContextRepository securityContextRepository, PasswordPolicy passwords,
			SignUpThrottle signUpThrottle, SignInThrottle signInThrottle, Sessions sessions,
			EmailVerification verification, Credits credits) {
		this.accounts = accounts;
		this.authenticationManager = authenticationManager;
		this.securityContextRepository = securityContextRepository;
		this.passwords = passwords;
		this.signUpThrottle = signUpThrottle;
		this.signInThrottle = signInThrottle;
		this.sessions = sessions;
		this.verification = verification;
		// The credits module owns the welcome grant (WANDERFRAME_SIGNUP_CREDITS).
		this.signupGrant = credits.signupGrant();
	}

	@PostMapping("/api/auth/signup")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView signUp(@RequestBody Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) {
		String email = accounts.checkSignUp(credentials.email(), credentials.password());
		ClientAddress client = ClientAddress.of(request.getRemoteAddr());
		SignedInUser user = DatabaseOutage.guard(() -> {
			try (ActingUser.Scope system = ActingUser.enterSystem()) {
				signUpThrottle.acquire(client);
				boolean verify = verification.required();
				SignedInUser created = accounts.signUp(email, credentials.password(), verify ? 0 : signupGrant);
				accounts.rememberAddress(created.id(), client);
				if (verify) {
					verification.send(created, baseUrl(request));
				}
				return created;
			}
		});
		return startSession(user, request, response);
	}

	/** Mails a new verification link, for a person whose first one got lost or expired. */
	@PostMapping("/api/auth/verification")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void resendVerification(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
		if (!accounts.view(user.id()).awaitingVerification()) {
			throw ApiException.conflict("verification_not_needed", "This account needs no verification.");
		}
		if (verification.sentRecently(user.id())) {
			throw new com.wanderframe.platform.RetryableApiException(HttpStatus.TOO_MANY_REQUESTS,
					"verification_sent_recently", "A link was sent less than a minute ago. Check your inbox.",
					java.time.Duration.ofMinutes(1));
		}
		if (!verification.send(user, baseUrl(request))) {
			throw new com.wanderframe.platform.RetryableApiException(HttpStatus.SERVICE_UNAVAILABLE,
					"mail_unavailable", "We could not send the mail just now. Try again in a minute.",
					java.time.Duration.ofMinutes(1));
		}
	}

	/** Follows a verification link's token: the welcome credits, once. */
	@PostMapping("/api/auth/verify")
	AccountView verify(@RequestBody VerifyRequest body) {
		java.util.UUID verified = verification.verify(body.token(), signupGrant)
			.orElseThrow(() -> ApiException.badRequest("invalid_verification_link",
					"This link is not valid any more: it was used already, it expired, or it is incomplete."));
		return ActingUser.callAs(verified, () -> accounts.view(verified));
	}

	record VerifyRequest(String token) {
	}

	private static String baseUrl(HttpServletRequest request) {
		return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
			.replaceQuery(null)
			.build()
			.toUriString();
	}

	@PostMapping("/api/auth/signin")
	AccountView signIn(@RequestBody Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) {
		passwords.requireWithinBcryptLimit(credentials.password());
		ClientAddress client = ClientAddress.of(request.getRemoteAddr());
		SignedInUser user = DatabaseOutage.guard(() -> {
			try (ActingUser.Scope system = ActingUser.enterSystem()) {
				signInThrottle.check(credentials.email(), client, accounts.isKnownAddress(credentials.email(), client));
				SignedInUser authenticated = authenticate(credentials, client);
				signInThrottle.succeeded(credentials.email(), client);
				accounts.rememberAddress(authenticated.id(), client);
				return authenticated;
			}
		});
		return startSession(user, request, response);
	}

	private SignedInUser authenticate(Credentials credentials, ClientAddress client) {
		try {
			Authentication authenticated = authenticationManager.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(credentials.email(), credentials.password()));
			return ((AccountUserDetails) authenticated.getPrincipal()).user();
		}
		catch (InternalAuthenticationServiceException ex) {
			// the account could not be looked up (the database is down): not a wrong password
			throw ex;
		}
		catch (AuthenticationException ex) {
			signInThrottle.failed(credentials.email(), client);
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials",
					"That email and password do not match an account.");
		}
	}

	@GetMapping("/api/me")
	AccountView me(@AuthenticationPrincipal SignedInUser user) {
		return accounts.view(user.id());
	}

	/** Ends every session of the person, this one included: for a lost or shared device. */
	@PostMapping("/api/auth/signout-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void signOutEverywhere(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
		sessions.endAllOf(user);
		HttpSession current = request.getSession(false);
		if (current != null) {
			current.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

	/**
	 * Signs {@code user} in on this request, replacing whoever was signed in, and answers as
	 * them (the request's acting user is still the previous person's, if any).
	 */
	private AccountView startSession(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		// A new session id on every sign-in: an id planted before sign-in is worthless after it.
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER")));
		SecurityContextHolder.setContext(context);
		securityContextRepository.saveContext(context, request, response);
		HttpSession session = request.getSession();
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, Sessions.principalName(user));
		session.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, Instant.now().toEpochMilli());
		return ActingUser.callAs(user.id(), () -> accounts.view(user.id()));
	}

	record Credentials(String email, String password) {
	}

}
