package com.wanderframe.web.internal;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.billing.CreditPurchases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages. Each is a shell the page's script fills from the JSON APIs, so a reload or a
 * second device shows the same state: it lives on the server.
 */
@Controller
class PageController {

	/** Step 3's price, shown on its button before the click (the imaging module's setting). */
	private final int imageCost;

	/** What a new account starts with, promised on the landing and sign-up pages. */
	private final int signupCredits;

	private final CreditPurchases purchases;

	PageController(@Value("${wanderframe.imaging.cost:1}") int imageCost,
			@Value("${wanderframe.credits.signup-grant:10}") int signupCredits, CreditPurchases purchases) {
		this.imageCost = imageCost;
		this.signupCredits = signupCredits;
		this.purchases = purchases;
	}

	@GetMapping("/")
	String landing(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("signupCredits", signupCredits);
		return user == null ? "landing" : "redirect:/studio";
	}

	@GetMapping("/signin")
	String signIn(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("signupCredits", signupCredits);
		return user == null ? "signin" : "redirect:/studio";
	}

	@GetMapping("/signup")
	String signUp(@AuthenticationPrincipal SignedInUser user) {
		return user == null ? "signup" : "redirect:/studio";
	}

	@GetMapping("/studio")
	String studio(Model model) {
		model.addAttribute("imageCost", imageCost);
		return "studio";
	}

	@GetMapping("/history")
	String history() {
		return "history";
	}

	/** Buying credits; also where Stripe sends the person back ({@code /credits/return}). */
	@GetMapping({ "/credits", "/credits/return" })
	String credits(Model model) {
		model.addAttribute("purchasesEnabled", purchases.enabled());
		model.addAttribute("packs", purchases.packs());
		return "credits";
	}

}
