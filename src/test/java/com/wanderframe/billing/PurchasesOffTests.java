package com.wanderframe.billing;

import com.wanderframe.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default has no Stripe: the page says so and nothing can be bought. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PurchasesOffTests {

	@LocalServerPort
	int port;

	@Test
	void withoutStripeThePageExplainsAndCheckoutIsRefused() {
		ApiClient person = ApiClient.signedUp(port);

		ApiClient.Response page = person.get("/credits");
		ApiClient.Response checkout = person.post("/api/credits/checkout", "{\"pack\":\"starter\"}");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Purchases are off here").doesNotContain("data-buy=");
		assertThat(checkout.status()).isEqualTo(503);
		assertThat(checkout.code()).isEqualTo("purchases_disabled");
		assertThat(person.get("/api/credits/packs").json().path("purchasesEnabled").asBoolean()).isFalse();
		assertThat(person.get("/api/me").json().path("credits").asInt()).isEqualTo(10);
	}

	@Test
	void theStripeWebhookIsNotThereWithoutStripe() {
		ApiClient.Response webhook = new ApiClient(port).post("/api/webhooks/stripe", "{}");

		assertThat(webhook.status()).isEqualTo(404);
		assertThat(webhook.code()).isEqualTo("purchases_disabled");
	}

}
