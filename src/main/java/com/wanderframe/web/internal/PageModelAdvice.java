package com.wanderframe.web.internal;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header shows: who is signed in and their balance, rendered on the server so
 * the first paint is already right; the page's script keeps the balance current after that.
 */
@ControllerAdvice(assignableTypes = PageController.class)
class PageModelAdvice {

	private final Credits credits;

	PageModelAdvice(Credits credits) {
		this.credits = credits;
	}

	@ModelAttribute("account")
	HeaderAccount account(@AuthenticationPrincipal SignedInUser user) {
		return user == null ? null : new HeaderAccount(user.email(), credits.balanceOf(user.id()));
	}

	record HeaderAccount(String email, int credits) {
	}

}
