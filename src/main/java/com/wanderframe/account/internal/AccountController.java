package com.wanderframe.account.internal;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.wanderframe.account.AccountView;
import com.wanderframe.account.ActingUser;
import com.wanderframe.account.SignedInUser;
import com.wanderframe.platform.ApiException;
import com.wanderframe.ratelimit.ClientAddress;
import com.wanderframe.ratelimit.SignInThrottle;
import com.wanderframe.ratelimit.SignUpThrottle;

import org.springframework.beans.factory.annotation.Value;
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

	private final int signupGrant;

	AccountController(Accounts accounts, AuthenticationManager authenticationManager,
			SecurityContextRepository securityContextRepository, PasswordPolicy passwords,
			SignUpThrottle signUpThrottle, SignInThrottle signInThrottle, Sessions sessions,
			@Value("${wanderframe.credits.signup-grant:10}") int signupGrant) {
		this.accounts = accounts;
		this.authenticationManager = authenticationManager;
		this.securityContextRepository = securityContextRepository;
		this.passwords = passwords;
		this.signUpThrottle = signUpThrottle;
		this.signInThrottle = signInThrottle;
		this.sessions = sessions;
		this.signupGrant = signupGrant;
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
				SignedInUser created = accounts.signUp(email, credentials.password(), signupGrant);
				accounts.rememberAddress(created.id(), client);
				return created;
			}
		});
		return startSession(user, request, response);
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
