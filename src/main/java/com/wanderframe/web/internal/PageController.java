package com.wanderframe.web.internal;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.ModelKind;
import com.wanderframe.billing.CreditPurchases;

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

	/** Step 3's price, shown on its button before the click: the catalogue's. */
	private final ModelCatalogue models;

	/** What a new account starts with, promised on the landing and sign-up pages: the credits module's. */
	private final Credits credits;

	private final CreditPurchases purchases;

	PageController(ModelCatalogue models, Credits credits, CreditPurchases purchases) {
		this.models = models;
		this.credits = credits;
		this.purchases = purchases;
	}

	@GetMapping("/")
	String landing(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("signupCredits", credits.signupGrant());
		return user == null ? "landing" : "redirect:/studio";
	}

	@GetMapping("/signin")
	String signIn(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("signupCredits", credits.signupGrant());
		return user == null ? "signin" : "redirect:/studio";
	}

	@GetMapping("/signup")
	String signUp(@AuthenticationPrincipal SignedInUser user) {
		return user == null ? "signup" : "redirect:/studio";
	}

	@GetMapping("/studio")
	String studio(Model model) {
		com.wanderframe.generation.Model image = models.defaultModel(ModelKind.IMAGE);
		model.addAttribute("imageCost", models.price(image, image.choices().get(0), false));
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
