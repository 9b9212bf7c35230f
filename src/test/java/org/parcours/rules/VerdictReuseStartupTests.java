package org.parcours.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.parcours.ParcoursApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's start-ups, one after the other on the same rules, cache and history: the first
 * runs the golden cases, the next reuses their verdict and says so in its log and in the history's
 * activation; a gate setting changed in the configuration, or {@code parcours.rules.cases.always-run},
 * runs them again.
 */
@ExtendWith(OutputCaptureExtension.class)
class VerdictReuseStartupTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temporary;

	@Test
	void aSecondStartUpReusesTheVerdictAndRecordsItUnlessTheGateChanged(CapturedOutput output) throws IOException {
		RulesDirectory rules = RulesDirectory.copyOfFixture(temporary.resolve("rules"));
		Path history = temporary.resolve("history");
		Path cache = temporary.resolve("cache");

		start(rules.root(), history, cache);
		assertThat(gateLines(output)).singleElement().asString().contains("GoldenCaseCheck").doesNotContain("reused");
		assertThat(newestActivation(history).path("verdictReusedFrom").isNull()).isTrue();

		start(rules.root(), history, cache);
		assertThat(gateLines(output)).last().asString().contains("activation checks not run: the verdict of").doesNotContain("GoldenCaseCheck");
		assertThat(output.getOut()).contains("(golden cases and population guard not run: passed on ");
		assertThat(newestActivation(history).path("verdictReusedFrom").asText()).matches("2\\d{3}-.*Z");

		start(rules.root(), history, cache, "--parcours.rules.max-firings-per-evaluation=4000");
		assertThat(gateLines(output)).last().asString().contains("GoldenCaseCheck");

		start(rules.root(), history, cache, "--parcours.rules.cases.always-run=true");
		assertThat(gateLines(output)).hasSize(4).last().asString().contains("GoldenCaseCheck");
		assertThat(newestActivation(history).path("verdictReusedFrom").isNull()).isTrue();
	}

	private static void start(Path rules, Path history, Path cache, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--parcours.rules.directory=" + rules,
				"--parcours.rules.history-directory=" + history, "--parcours.rules.cache.directory=" + cache,
				"--parcours.rules.watch.enabled=false", "--spring.main.banner-mode=off"));
		arguments.addAll(List.of(more));
		// a web application: the history records the activations of the service, not those of command-line runs
		new SpringApplicationBuilder(ParcoursApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new))
			.close();
	}

	/** The pipeline's line for each candidate so far: the stages and their times, or the reused verdict. */
	private static List<String> gateLines(CapturedOutput output) {
		return output.getOut().lines().filter(line -> line.contains("CandidatePipeline") && line.contains("Candidate ")).toList();
	}

	private static JsonNode newestActivation(Path history) throws IOException {
		try (Stream<Path> files = Files.list(history.resolve("activations"))) {
			Path newest = files.max(Comparator.comparing(file -> file.getFileName().toString())).orElseThrow();
			return JSON.readTree(newest.toFile());
		}
	}
}
