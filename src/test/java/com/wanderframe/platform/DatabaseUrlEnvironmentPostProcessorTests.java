package com.wanderframe.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlEnvironmentPostProcessorTests {

	@Test
	void aSupabaseUrlBecomesDatasourceProperties() {
		Map<String, Object> properties = DatabaseUrlEnvironmentPostProcessor
			.toDatasourceProperties("postgres://app:s3cret@db.example.com:6543/postgres?sslmode=require");

		assertThat(properties).containsEntry("spring.datasource.url",
				"jdbc:postgresql://db.example.com:6543/postgres?sslmode=require")
			.containsEntry("spring.datasource.username", "app")
			.containsEntry("spring.datasource.password", "s3cret");
	}

	@Test
	void aPlusInThePasswordStaysAPlus() {
		Map<String, Object> properties = DatabaseUrlEnvironmentPostProcessor
			.toDatasourceProperties("postgresql://app.tenant:a+b%40c%23d@db.example.com/postgres");

		assertThat(properties).containsEntry("spring.datasource.username", "app.tenant")
			.containsEntry("spring.datasource.password", "a+b@c#d");
	}

	@Test
	void anUnencodedCharacterInThePasswordNeverPutsThePasswordInTheError() {
		for (String url : new String[] { "postgres://app:Pw#Secret 1@db.example.com/postgres",
				"postgres://app:Pw#Secret1@db.example.com:5432/postgres",
				"postgres://app:Pw%Secret1@db.example.com/postgres",
				"postgres://app:Pw[Secret1@db.example.com/postgres" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.toDatasourceProperties(url))
				.satisfies(ex -> assertThat(ex.getMessage()).contains("DATABASE_URL").doesNotContain("Secret"))
				.withNoCause();
		}
	}

	@Test
	void aJdbcUrlIsTakenAsItIs() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.toDatasourceProperties("jdbc:postgresql://h/db"))
			.containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://h/db"));
	}

}
