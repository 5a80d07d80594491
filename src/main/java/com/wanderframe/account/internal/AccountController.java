package com.wanderframe.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wanderframe.account.AccountView;
import com.wanderframe.account.ActingUser;
import com.wanderframe.account.SignedInUser;
import com.wanderframe.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
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

	AccountController(Accounts accounts, AuthenticationManager authenticationManager,
			SecurityContextRepository securityContextRepository) {
		this.accounts = accounts;
		this.authenticationManager = authenticationManager;
		this.securityContextRepository = securityContextRepository;
	}

	@PostMapping("/api/auth/signup")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView signUp(@RequestBody Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) {
		SignedInUser user;
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			user = accounts.signUp(credentials.email(), credentials.password());
		}
		startSession(user, request, response);
		return accounts.view(user.id());
	}

	@PostMapping("/api/auth/signin")
	AccountView signIn(@RequestBody Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) {
		SignedInUser user;
		try (ActingUser.Scope system = ActingUser.enterSystem()) {
			Authentication authenticated = authenticationManager.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(credentials.email(), credentials.password()));
			user = ((AccountUserDetails) authenticated.getPrincipal()).user();
		}
		catch (AuthenticationException ex) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials",
					"That email and password do not match an account.");
		}
		startSession(user, request, response);
		return accounts.view(user.id());
	}

	@GetMapping("/api/me")
	AccountView me(@AuthenticationPrincipal SignedInUser user) {
		return accounts.view(user.id());
	}

	private void startSession(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		// A new session id on every sign-in: an id planted before sign-in is worthless after it.
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER")));
		SecurityContextHolder.setContext(context);
		securityContextRepository.saveContext(context, request, response);
	}

	record Credentials(String email, String password) {
	}

}
