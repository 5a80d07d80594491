package com.wanderframe.admin.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wanderframe.account.SignedInUser;
import com.wanderframe.credits.Credits;
import com.wanderframe.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard page, its "grant credits" form, and the same figures and action as JSON for
 * scripts ({@code /admin/api/...}). Only operators get here ({@link AdminAccess}).
 */
@Controller
class AdminController {

	static final int MAX_GRANT = 10_000;

	private final Dashboard dashboard;

	private final Credits credits;

	AdminController(Dashboard dashboard, Credits credits) {
		this.dashboard = dashboard;
		this.credits = credits;
	}

	record Overview(List<ModelCharts.ModelReport> models, List<Dashboard.Refunds> refunds,
			Dashboard.CreditTotals credits, List<Dashboard.Queue> queue, List<Dashboard.Generation> slowest,
			List<Dashboard.Generation> failed) {
	}

	record GrantRequest(UUID userId, Integer amount, String reason, UUID grantId) {
	}

	record Granted(UUID userId, String email, int amount, int balance, boolean alreadyGranted) {
	}

	@GetMapping("/admin")
	String page(@AuthenticationPrincipal SignedInUser operator, @RequestParam(required = false) String search,
			Model model) {
		model.addAttribute("operator", operator);
		model.addAttribute("overview", overview());
		model.addAttribute("search", search == null ? "" : search);
		model.addAttribute("balances", dashboard.balances(search, 50));
		model.addAttribute("maxGrant", MAX_GRANT);
		model.addAttribute("days", Dashboard.DAYS);
		model.addAttribute("width", ModelCharts.WIDTH);
		model.addAttribute("height", ModelCharts.HEIGHT);
		return "admin";
	}

	@PostMapping("/admin/grants")
	String grantFromForm(@AuthenticationPrincipal SignedInUser operator, @RequestParam UUID userId,
			@RequestParam(required = false) Integer amount, @RequestParam(required = false) String reason,
			@RequestParam UUID grantId, RedirectAttributes redirect) {
		try {
			Granted granted = grant(operator, new GrantRequest(userId, amount, reason, grantId));
			redirect.addFlashAttribute("notice", granted.alreadyGranted()
					? "That grant had already been made; nothing changed."
					: "Granted " + granted.amount() + " credits to " + granted.email() + ". Their balance is now "
							+ granted.balance() + ".");
		}
		catch (ApiException ex) {
			redirect.addFlashAttribute("grantError", ex.getMessage());
			redirect.addFlashAttribute("grantErrorFor", userId);
		}
		return "redirect:/admin#balances";
	}

	@GetMapping("/admin/api/overview")
	@ResponseBody
	Overview overview() {
		return new Overview(ModelCharts.build(dashboard.modelDays(), Dashboard.today(), Dashboard.DAYS),
				dashboard.refunds(), dashboard.creditTotals(), dashboard.queue(), dashboard.slowest(10),
				dashboard.failed(10));
	}

	@GetMapping("/admin/api/balances")
	@ResponseBody
	List<Dashboard.Balance> balances(@RequestParam(required = false) String search) {
		return dashboard.balances(search, 200);
	}

	@PostMapping("/admin/api/grants")
	@ResponseBody
	ResponseEntity<Granted> grantFromApi(@AuthenticationPrincipal SignedInUser operator,
			@RequestBody GrantRequest request) {
		Granted granted = grant(operator,
				request.grantId() == null ? new GrantRequest(request.userId(), request.amount(), request.reason(),
						UUID.randomUUID()) : request);
		return ResponseEntity.status(granted.alreadyGranted() ? HttpStatus.OK : HttpStatus.CREATED).body(granted);
	}

	/** Checked before anything is written; a grant writes one ledger row naming the operator. */
	private Granted grant(SignedInUser operator, GrantRequest request) {
		if (request.amount() == null || request.amount() < 1 || request.amount() > MAX_GRANT) {
			throw ApiException.badRequest("invalid_amount", "Grant between 1 and " + MAX_GRANT + " credits.");
		}
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.isEmpty() || reason.length() > 200) {
			throw ApiException.badRequest("reason_required", "Say why, in at most 200 characters.");
		}
		if (request.userId() == null || request.grantId() == null) {
			throw ApiException.badRequest("person_required", "Choose whom to grant credits to.");
		}
		Dashboard.Balance person = dashboard.person(request.userId())
			.orElseThrow(() -> ApiException.notFound("person_not_found", "There is no such person."));
		Optional<Integer> balance = dashboard.asLoginRole(() -> credits.grantByOperator(person.userId(),
				request.amount(), operator.email(), reason, request.grantId()));
		return new Granted(person.userId(), person.email(), request.amount(),
				balance.orElseGet(() -> dashboard.person(person.userId()).orElseThrow().balance()), balance.isEmpty());
	}

}
