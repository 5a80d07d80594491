package com.wanderframe.imaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.wanderframe.ApiClient;
import com.wanderframe.Studio;
import com.wanderframe.replicate.FakeReplicate;
import com.wanderframe.replicate.FakeReplicate.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every image model in the catalogue against the fake Replicate, which enforces each model's
 * input schema: the picture is made and kept, the request carries exactly the model's inputs,
 * and a model that answers with an array of pictures (Seedream) works like one that answers one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wanderframe.imaging.poll-interval=50ms", "wanderframe.imaging.max-poll-interval=200ms" })
class ImageModelTests {

	static final FakeReplicate replicate = FakeReplicate.shared();

	@DynamicPropertySource
	static void replicate(DynamicPropertyRegistry registry) {
		replicate.register(registry);
	}

	@LocalServerPort
	int port;

	ApiClient client;

	Studio studio;

	@BeforeEach
	void signUp() {
		replicate.reset();
		client = ApiClient.signedUp(port);
		studio = new Studio(client);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"black-forest-labs/flux-kontext-pro|false|prompt input_image aspect_ratio output_format safety_tolerance",
			"google/nano-banana|false|prompt image_input output_format",
			"bytedance/seedream-4|true|prompt image_input size aspect_ratio" })
	void eachImageModelMakesThePictureFromExactlyItsInputs(String model, boolean arrayOutput, String inputs) {
		byte[] output = Studio.selfieJpeg(1344, 768);
		Scenario scenario = Scenario.succeedsAfterPolls(2, output, "image/jpeg");
		replicate.onModel(model).respondWith(arrayOutput ? scenario.withOutputArray() : scenario);
		int offered = price(model);

		ApiClient.Response started = client.post("/api/images", "{\"photoId\":\"%s\",\"location\":\"%s\",\"model\":\"%s\"}"
			.formatted(studio.uploadSelfie(), studio.firstLocation(), model));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().path("cost").asInt()).isEqualTo(offered);
		JsonNode image = studio.awaitTerminal("/api/images/" + started.json().path("id").asString(),
				Duration.ofSeconds(30));

		assertThat(image.path("status").asString()).as(image + " " + replicate.rejectedInputs()).isEqualTo("completed");
		assertThat(image.path("model").asString()).isEqualTo(model);
		assertThat(client.get(image.path("url").asString()).bytes()).isEqualTo(output);
		assertThat(studio.credits()).isEqualTo(10 - offered);
		JsonNode input = replicate.createdPredictions().get(0).input();
		List<String> names = new ArrayList<>();
		input.propertyNames().forEach(names::add);
		assertThat(names).containsExactlyInAnyOrder(inputs.split(" "));
		if (input.has("image_input")) {
			assertThat(input.path("image_input").isArray()).isTrue();
			assertThat(input.path("image_input").size()).isEqualTo(1);
		}
	}

	private int price(String model) {
		for (JsonNode entry : client.get("/api/models?kind=image").json()) {
			if (entry.path("id").asString().equals(model)) {
				return entry.path("costs").path("image").asInt();
			}
		}
		throw new AssertionError("not offered: " + model);
	}

}
