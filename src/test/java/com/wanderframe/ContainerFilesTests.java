package com.wanderframe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Dockerfile} and {@code compose.yaml} cannot be run here (no container runtime), so
 * what matters in them is checked by reading them: the image builds with the wrapper and runs on
 * a JRE as a user without privileges, in layers, with a health check and container-aware memory;
 * the stack has PostgreSQL 17, a bucket, two web instances, a worker and an HTTPS proxy; every
 * setting handed to the app is one the README documents; and no secret is written in either.
 */
class ContainerFilesTests {

	private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|_KEY).*");

	/** {@code ${NAME}}, {@code ${NAME:-default}} or {@code ${NAME:?error}}: filled in from the environment or {@code .env}. */
	private static final String INTERPOLATION = "\\$\\{[A-Z0-9_]+(:?[-?][^}]*)?}";

	@Test
	void theImageIsBuiltByTheWrapperAndRunsUnprivilegedInLayersWithAHealthCheck() throws IOException {
		List<List<String>> stages = dockerStages();
		assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
		assertThat(String.join("\n", stages.get(0))).contains("./mvnw").contains("-Djarmode=tools").contains("--layers");

		List<String> run = stages.get(stages.size() - 1);
		assertThat(run.get(0)).matches("FROM \\S*jre\\S*");
		String user = run.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
		assertThat(user.substring(5).trim()).isNotIn("root", "0", "0:0");
		assertThat(run).anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("/actuator/health/"));
		assertThat(run).anyMatch(line -> line.startsWith("ENTRYPOINT ") && line.contains("MaxRAMPercentage")
				&& line.contains("JarLauncher"));
		List<String> layers = run.stream()
			.filter(line -> line.startsWith("COPY --from="))
			.map(line -> line.replaceAll(".*/extracted/([a-z-]+)/.*", "$1"))
			.toList();
		assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

		for (List<String> stage : stages) {
			for (String line : stage) {
				if (line.startsWith("ENV ") || line.startsWith("ARG ")) {
					for (String name : assignedNames(line.substring(4))) {
						assertThat(name).as("a secret baked into the image: " + line).doesNotMatch(SECRET_NAME);
						assertThat(documentedSettings()).as("ENV %s is in the README's configuration table", name)
							.contains(name);
					}
				}
			}
		}
	}

	@Test
	void theStackHasEveryPartAndHandsTheAppOnlyDocumentedSettingsAndNoSecret() throws IOException {
		Map<String, Map<String, Object>> services = composeServices();
		Map<String, Object> postgres = services.get("postgres");
		assertThat((String) postgres.get("image")).startsWith("postgres:17");
		assertThat(postgres).containsKey("healthcheck");

		Map<String, List<String>> byRole = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
			Map<String, String> environment = environment(service.getValue());
			environment.forEach((name, value) -> {
				String where = name + " of " + service.getKey() + " comes from the environment, never written here";
				if (name.equals("DATABASE_URL")) {
					assertThat(value).as(where).matches("postgres://[^:]+:" + INTERPOLATION + "@postgres:5432/.+");
				}
				else if (name.startsWith("MC_HOST_")) {
					assertThat(value).as(where).matches("https?://" + INTERPOLATION + ":" + INTERPOLATION + "@.+");
				}
				else if (SECRET_NAME.matcher(name).matches()) {
					assertThat(value).as(where).matches("|" + INTERPOLATION);
				}
			});
			if (!".".equals(service.getValue().get("build"))) {
				continue;
			}
			assertThat(service.getValue().get("user")).as("%s runs as the image's own user", service.getKey()).isNull();
			assertThat(documentedSettings()).as("the settings of %s are in the README", service.getKey())
				.containsAll(environment.keySet());
			assertThat(environment).containsEntry("WANDERFRAME_MEDIA_STORE", "s3");
			String bucketHost = environment.get("S3_ENDPOINT").replaceAll("https?://([^:/]+).*", "$1");
			assertThat(services).as("the bucket is a service of the stack").containsKey(bucketHost);
			byRole.computeIfAbsent(environment.getOrDefault("WANDERFRAME_ROLE", "all"), role -> new ArrayList<>())
				.add(service.getKey());
			assertThat(dependsOn(service.getValue())).containsEntry("postgres", "service_healthy");
		}
		assertThat(byRole.get("web")).hasSize(2);
		assertThat(byRole.get("worker")).isNotEmpty();
		assertThat(byRole).containsOnlyKeys("web", "worker");

		Map<String, Object> proxy = services.get("proxy");
		assertThat(proxy.get("ports").toString()).contains("443:443");
		String caddyfile = Files.readString(Path.of("deploy/Caddyfile"));
		for (String web : byRole.get("web")) {
			assertThat(caddyfile).contains(web + ":8080");
		}
		assertThat(caddyfile).contains("flush_interval -1").contains("health_uri /actuator/health/readiness");
	}

	@Test
	void theReadmeSaysTheContainerFilesWereNotRunHere() throws IOException {
		assertThat(Files.readString(Path.of("README.md"))).contains("were not run here");
	}

	/** The Dockerfile's instructions (continuation lines joined), split into build stages. */
	private static List<List<String>> dockerStages() throws IOException {
		List<List<String>> stages = new ArrayList<>();
		StringBuilder instruction = new StringBuilder();
		for (String raw : Files.readAllLines(Path.of("Dockerfile"))) {
			String line = raw.strip();
			if (instruction.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
				continue;
			}
			if (line.endsWith("\\")) {
				instruction.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			instruction.append(line);
			String complete = instruction.toString().replaceAll("\\s+", " ").trim();
			instruction.setLength(0);
			if (complete.startsWith("FROM ")) {
				stages.add(new ArrayList<>());
				complete = complete.replaceAll(" AS \\S+$", "");
			}
			stages.get(stages.size() - 1).add(complete);
		}
		return stages;
	}

	private static List<String> assignedNames(String assignments) {
		List<String> names = new ArrayList<>();
		Matcher matcher = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=").matcher(assignments);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> composeServices() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object raw = service.get("environment");
		if (raw instanceof Map<?, ?> map) {
			map.forEach((name, value) -> environment.put(name.toString(), value == null ? "" : value.toString()));
		}
		else if (raw instanceof List<?> list) {
			for (Object entry : list) {
				String[] parts = entry.toString().split("=", 2);
				environment.put(parts[0], parts.length > 1 ? parts[1] : "");
			}
		}
		return environment;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> dependsOn(Map<String, Object> service) {
		Map<String, String> conditions = new LinkedHashMap<>();
		Object raw = service.get("depends_on");
		if (raw instanceof Map<?, ?> map) {
			map.forEach((name, value) -> conditions.put(name.toString(),
					String.valueOf(((Map<String, Object>) value).get("condition"))));
		}
		return conditions;
	}

	/** Every variable named in the first column of the README's configuration table. */
	private static Set<String> documentedSettings() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("## Configuration");
		int end = readme.indexOf("\n## ", start + 1);
		Set<String> names = new LinkedHashSet<>();
		for (String line : readme.substring(start, end).lines().toList()) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String firstCell = line.substring(1, line.indexOf('|', 1));
			Matcher matcher = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(firstCell);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

}
