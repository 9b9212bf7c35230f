package org.parcours.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import org.parcours.ParcoursApplication;
import org.parcours.rules.FixtureRules;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSetException;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The application wires the golden cases as an activation check: a rule set that fails a case, or has
 * no case at all (unless the configuration allows it), never starts. On the fixture rule set
 * ({@link FixtureRules}): what is tested is the wiring, not the default rules' cases.
 */
class CasesGateStartupTests {

	@Test
	void aRuleSetThatFailsACaseDoesNotStart(@TempDir Path rules) throws IOException {
		RulesDirectory.copyOfFixture(rules).replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,7");

		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ParcoursApplication.class).web(WebApplicationType.NONE)
			.run("--parcours.rules.directory=" + rules, "--spring.main.banner-mode=off")
			.close());

		RuleSetException rejected = findCause(failure);
		assertThat(rejected.problems()).extracting(RuleProblem::file, RuleProblem::message)
			.containsExactly(tuple("cases/fixture.json",
					"case 'fixture-six-medications': level: expected 2, got 1; level rules: expected to include [FIX-L2], got [L1]"));
	}

	@Test
	void aRuleSetWithoutGoldenCasesDoesNotStart(@TempDir Path rules) throws IOException {
		RulesDirectory.copyOfFixture(rules);
		moveCasesAway(rules);

		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ParcoursApplication.class).web(WebApplicationType.NONE)
			.run("--parcours.rules.directory=" + rules, "--spring.main.banner-mode=off")
			.close());

		assertThat(findCause(failure).problems()).extracting(RuleProblem::file).containsExactly("cases/");
	}

	@Test
	void aRuleSetWithoutGoldenCasesStartsWhenTheConfigurationAllowsIt(@TempDir Path rules) throws IOException {
		RulesDirectory.copyOfFixture(rules);
		moveCasesAway(rules);

		new SpringApplicationBuilder(ParcoursApplication.class).web(WebApplicationType.NONE)
			.run("--parcours.rules.directory=" + rules, "--parcours.rules.cases.allow-none=true", "--parcours.rules.watch.enabled=false",
				"--spring.main.banner-mode=off")
			.close();
	}

	private static void moveCasesAway(Path rules) throws IOException {
		try (Stream<Path> cases = Files.list(rules.resolve("cases"))) {
			for (Path file : cases.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(rules.resolve("cases"));
	}

	private static RuleSetException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RuleSetException rejected) {
				return rejected;
			}
		}
		throw new AssertionError("start-up did not fail on the rule set", failure);
	}
}
