package com.wanderframe.apidocs.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API page at {@code /docs/api}: the OpenAPI description rendered on the server as one plain,
 * accessible page (headings, tables, links), styled like the rest of the app and needing no
 * script, instead of Swagger UI, whose markup fails the accessibility checks every page passes
 * and whose inline styles our Content-Security-Policy refuses. {@code /swagger-ui.html}, where the
 * page used to be, leads here.
 */
@Controller
class ApiPageController {

	static final String PATH = "/docs/api";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenApiWebMvcResource description;

	ApiPageController(OpenApiWebMvcResource description) {
		this.description = description;
	}

	@GetMapping(PATH)
	String page(HttpServletRequest request, Locale locale, Model model) throws Exception {
		model.addAttribute("api", ApiReference.of(JSON.readTree(description.openapiJson(request, "/v3/api-docs", locale))));
		return "api";
	}

	@GetMapping("/swagger-ui.html")
	String formerPage() {
		return "redirect:" + PATH;
	}

}
