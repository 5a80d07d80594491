package com.wanderframe.apidocs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wanderframe.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description at {@code /v3/api-docs} covers the whole API: every handler under
 * {@code /api} appears with a summary, and every refusal it documents names its problem codes.
 * Adding an endpoint without describing it fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Test
	void everyApiEndpointIsDescribedWithASummaryAndItsProblemCodes() {
		ApiClient.Response docs = new ApiClient(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");

		List<String> undescribed = new ArrayList<>();
		handlers.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
			.filter(pattern -> pattern.startsWith("/api/"))
			.forEach(pattern -> {
				var methods = mapping.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
					JsonNode operation = paths.path(pattern).path(method.name().toLowerCase(Locale.ROOT));
					if (operation.isMissingNode() || operation.path("summary").asString("").isBlank()) {
						undescribed.add(method + " " + pattern);
					}
				}
			}));
		assertThat(undescribed).as("endpoints without a description (add them to ApiCatalogue)").isEmpty();
		assertThat(handlers.getHandlerMethods().keySet().stream()
			.flatMap(mapping -> mapping.getPatternValues().stream())
			.filter(pattern -> pattern.startsWith("/api/"))
			.count()).isGreaterThan(20);

		JsonNode generate = paths.path("/api/video/generate").path("post");
		assertThat(generate.path("responses").path("402").path("description").asString()).contains("insufficient_credits");
		assertThat(generate.path("responses").path("400").path("description").asString())
			.contains("prompt_required", "unknown_template");
		assertThat(generate.path("responses").path("400").path("content").path("application/problem+json").path("schema")
			.path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
		assertThat(docs.json().path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
		assertThat(paths.path("/api/auth/signout").path("post").path("summary").asString()).isEqualTo("Sign out");
		assertThat(paths.propertyNames()).noneMatch(path -> path.startsWith("/admin"));
	}

	@Test
	void theCatalogueDescribesNoEndpointThatIsGone() {
		JsonNode paths = new ApiClient(port).get("/v3/api-docs").json().path("paths");
		List<String> described = new ArrayList<>();
		paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
			if (!method.getValue().path("summary").asString("").isBlank()) {
				described.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
			}
		}));
		assertThat(described).containsExactlyInAnyOrderElementsOf(ApiCatalogue.ENTRIES.keySet());
	}

	@Test
	void theApiPageIsServedByTheAppItselfFromTheDescription() {
		ApiClient visitor = new ApiClient(port);
		ApiClient.Response page = visitor.get("/docs/api");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
		// Every described endpoint is on the page, and nothing is fetched from elsewhere.
		assertThat(page.body()).doesNotContain("https://").doesNotContain("<script src=\"http");
		ApiCatalogue.ENTRIES.values()
			.forEach(entry -> assertThat(page.body()).contains(">" + entry.path() + "<").contains(
					org.springframework.web.util.HtmlUtils.htmlEscape(entry.summary())));
		// Where the page used to be leads here.
		ApiClient.Response former = visitor.send(visitor.request("/swagger-ui.html").GET());
		assertThat(former.status()).isEqualTo(302);
		assertThat(former.header("Location")).endsWith("/docs/api");
	}

}
