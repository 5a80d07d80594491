package com.wanderframe.account.internal;

import com.wanderframe.account.ActingUser;
import com.wanderframe.account.SignedInUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a verification mail's link leads. Opening the link only shows a button: mail scanners
 * and link previews fetch links, and a GET must not use up the token or give credits. The
 * button's POST does.
 */
@Controller
class VerificationPage {

	private final EmailVerification verification;

	private final Accounts accounts;

	private final int signupGrant;

	VerificationPage(EmailVerification verification, Accounts accounts,
			@Value("${wanderframe.credits.signup-grant:10}") int signupGrant) {
		this.verification = verification;
		this.accounts = accounts;
		this.signupGrant = signupGrant;
	}

	@GetMapping("/verify-email")
	String confirm(@RequestParam(required = false) String token, @AuthenticationPrincipal SignedInUser user,
			Model model) {
		header(user, model);
		model.addAttribute("token", token == null ? "" : token);
		model.addAttribute("state", "confirm");
		return "verify-email";
	}

	@PostMapping("/verify-email")
	String verify(@RequestParam(required = false) String token, @AuthenticationPrincipal SignedInUser user,
			Model model) {
		boolean verified = verification.verify(token, signupGrant).isPresent();
		header(user, model);
		model.addAttribute("state", verified ? "verified" : "invalid");
		model.addAttribute("signupCredits", signupGrant);
		return "verify-email";
	}

	private void header(SignedInUser user, Model model) {
		if (user != null) {
			model.addAttribute("account", ActingUser.callAs(user.id(), () -> accounts.view(user.id())));
		}
	}

}
