package com.wanderframe.apidocs.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.wanderframe.platform.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * Completes what springdoc reads from the controllers: each operation's summary and
 * description from {@link ApiCatalogue}, the problem-details schema, and for every operation the
 * statuses it may refuse with and their stable codes. Sign-out (a security filter, no controller)
 * is added by hand.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	@Bean
	OpenApiCustomizer wanderframeApiDescription() {
		return openApi -> {
			openApi.info(new Info().title("Wanderframe API")
				.version("1")
				.license(new License().name("Open source"))
				.description("""
						Put yourself anywhere, then make it move. Every error is RFC 9457 \
						`application/problem+json` with a stable `code`. State-changing requests need the \
						CSRF token: read the `XSRF-TOKEN` cookie (set on every response) and send it back as \
						the `X-XSRF-TOKEN` header. Signed-in requests carry the `SESSION` cookie."""));
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() != null && !openApi.getPaths().containsKey("/api/auth/signout")) {
				openApi.getPaths().addPathItem("/api/auth/signout", new PathItem().post(new Operation()
					.responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Signed out")))));
			}
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiCatalogue.Entry entry = ApiCatalogue.ENTRIES.get(method.name() + " " + path);
				if (entry == null) {
					return;
				}
				operation.summary(entry.summary()).tags(List.of(entry.tag()));
				if (!entry.description().isBlank()) {
					operation.description(entry.description());
				}
				describeProblems(operation, entry);
			}));
		};
	}

	private static void describeProblems(Operation operation, ApiCatalogue.Entry entry) {
		Map<String, List<String>> byStatus = new TreeMap<>(java.util.stream.Stream
			.concat(entry.problems().stream(), ApiCatalogue.COMMON.stream())
			.filter(problem -> !(problem.startsWith("401 ") && isPublic(entry) && !entry.problems().contains(problem)))
			.collect(Collectors.groupingBy(problem -> problem.substring(0, 3),
					Collectors.mapping(problem -> problem.substring(4), Collectors.toList()))));
		if (operation.getResponses() == null) {
			operation.responses(new ApiResponses());
		}
		byStatus.forEach((status, codes) -> operation.getResponses()
			.addApiResponse(status, new ApiResponse()
				.description("Problem details with `code` " + codes.stream()
					.map(code -> "`" + code + "`")
					.collect(Collectors.joining(", ")))
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
	}

	/** Endpoints anyone may call: no session needed, so no 401 for a missing one. */
	private static boolean isPublic(ApiCatalogue.Entry entry) {
		return entry.path().startsWith("/api/locations") || entry.path().startsWith("/api/webhooks")
				|| entry.path().equals("/api/auth/signup") || entry.path().equals("/api/auth/signin");
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		// The example is a real one, made where every problem is made.
		ProblemDetail example = Problems.of(org.springframework.http.HttpStatus.PAYMENT_REQUIRED, "insufficient_credits",
				"This costs 3 credits and your balance is lower than that.");
		return new ObjectSchema().description("RFC 9457 problem details, with a stable machine-readable code")
			.example(java.util.Map.of("type", "about:blank", "title", example.getTitle(), "status", example.getStatus(),
					"detail", example.getDetail(), "code", example.getProperties().get("code")))
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Payment Required"))
			.addProperty("status", new IntegerSchema().example(402))
			.addProperty("detail", new StringSchema().example("This costs 3 credits and your balance is lower than that."))
			.addProperty("instance", new StringSchema().example("/api/video/generate"))
			.addProperty("code", new StringSchema().example("insufficient_credits"));
	}

}
