package com.wanderframe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the module boundaries of DESIGN.md honest and draws the module diagram. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(WanderframeApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void documentsTheModules() throws IOException {
		Path docs = Path.of("target", "spring-modulith-docs");
		Documenter documenter = new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()));
		for (String module : List.of("components", "module-video", "module-credits")) {
			Files.deleteIfExists(docs.resolve(module + ".puml"));
		}

		// A module nothing depends on (the API description) is still part of the picture.
		Documenter.DiagramOptions everyModule = Documenter.DiagramOptions.defaults()
			.withElementsWithoutRelationships(Documenter.DiagramOptions.ElementsWithoutRelationships.VISIBLE);
		documenter.writeModulesAsPlantUml(everyModule).writeIndividualModulesAsPlantUml();

		// The whole-app diagram names every module and the arrows between them ...
		String all = Files.readString(docs.resolve("components.puml"));
		assertThat(all).startsWith("@startuml").contains("@enduml");
		modules.forEach(module -> assertThat(all).as("the diagram shows " + module.getDisplayName())
			.contains(module.getDisplayName()));
		assertThat(all).contains("Rel(");
		// ... and each module gets its own, showing what it depends on.
		modules.forEach(module -> assertThat(docs.resolve("module-" + module.getIdentifier().toString() + ".puml"))
			.as(module.getIdentifier().toString()).isNotEmptyFile());
		assertThat(Files.readString(docs.resolve("module-video.puml"))).contains("Generation");
	}

}
