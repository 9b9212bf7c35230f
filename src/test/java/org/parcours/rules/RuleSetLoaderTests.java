package org.parcours.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Loading a rule set: versions, and problems reported with file and line. Mistakes in the default files
 * a clinician edits are made on a copy of the default rules; what is about the engine alone (a type
 * error's line, the content hash) runs on the fixture rule set, which compiles in a fraction of the time.
 */
class RuleSetLoaderTests {

	@TempDir
	Path rules;

	private final RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());

	void copyDefaultRules() {
		RulesDirectory.copyOfDefault(rules);
	}

	@Test
	void defaultRulesListTheirFiles() {
		assertThat(DefaultRules.get().files()).extracting(RuleSet.FileHash::path).contains("scores/lace.drl.csv", "stratification/levels.drl");
	}

	/** The same files give the same version at any time and from any place (a restart, another instance); the load time is apart. */
	@Test
	void versionIsTheContentHashAloneAndTheLoadTimeIsItsOwnField() {
		Instant monday = Instant.parse("2026-11-23T08:00:00Z");
		RuleSet first = new RuleSetLoader(Clock.fixed(monday, ZoneOffset.UTC)).load(FixtureRules.DIRECTORY);
		RuleSet restarted = new RuleSetLoader(Clock.fixed(monday.plusSeconds(86_400), ZoneOffset.UTC))
			.load(RulesDirectory.copyOfFixture(rules).root());

		assertThat(first.version()).matches("[0-9a-f]{12}").isEqualTo(first.contentHash().substring(0, 12));
		assertThat(restarted.version()).isEqualTo(first.version());
		assertThat(first.loadedAt()).isEqualTo(monday);
		assertThat(restarted.loadedAt()).isEqualTo(monday.plusSeconds(86_400));
	}

	@Test
	void syntaxErrorInDrlNamesFileAndLine() throws IOException {
		copyDefaultRules();
		Path levels = rules.resolve("stratification/levels.drl");
		Files.writeString(levels, Files.readString(levels).replace("rule \"L2-B\"\nwhen", "rule \"L2-B\"\nwhen when"));
		RuleSetException failure = catchThrowableOfType(RuleSetException.class, () -> loader.load(rules));
		assertThat(failure.problems()).isNotEmpty().allSatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("stratification/levels.drl");
			assertThat(problem.line()).isPositive();
		});
		assertThat(failure.getMessage()).contains("stratification/levels.drl:");
	}

	@Test
	void badCellInDecisionTableNamesTheCsvRow() throws IOException {
		copyDefaultRules();
		Path lace = rules.resolve("scores/lace.drl.csv");
		Files.writeString(lace, Files.readString(lace).replace("LACE-L 7-13 days,7,14,5", "LACE-L 7-13 days,7,14,five"));
		RuleSetException failure = catchThrowableOfType(RuleSetException.class, () -> loader.load(rules));
		int expectedLine = Files.readAllLines(lace).indexOf("LACE-L 7-13 days,7,14,five") + 1;
		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("scores/lace.drl.csv");
			assertThat(problem.line()).isEqualTo(expectedLine);
			assertThat(problem.message()).isEqualTo("table 'LACE length of stay', row 'LACE-L 7-13 days', column 4 'points' (cell D"
					+ expectedLine + "): 'five' is not a whole number; expected a whole number in digits, such as 5");
		});
	}

	@Test
	void typeErrorInAnActionNamesTheDrlLine() throws IOException {
		RulesDirectory.copyOfFixture(rules);
		Path levels = rules.resolve("stratification/levels.drl");
		String text = Files.readString(levels).replace("$p.medicationCount() + \" medications", "$p.medicationCounts() + \" medications");
		Files.writeString(levels, text);
		int expectedLine = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("medicationCounts()")).findFirst().orElseThrow()) + 1;
		RuleSetException failure = catchThrowableOfType(RuleSetException.class, () -> loader.load(rules));
		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("stratification/levels.drl");
			assertThat(problem.line()).isEqualTo(expectedLine);
			assertThat(problem.message()).contains("medicationCounts");
		});
	}

	@Test
	void vocabularyProblemsNameFileAndLine() throws IOException {
		copyDefaultRules();
		Files.writeString(rules.resolve("vocabulary/chronic-extra.csv"), "system,code,category,label\nicd-11,BA00,hypertension,x\nicd-10,I99-I10,x,y\n");
		RuleSetException failure = catchThrowableOfType(RuleSetException.class, () -> loader.load(rules));
		assertThat(failure.problems()).extracting(RuleProblem::toString)
			.containsExactly("vocabulary/chronic-extra.csv:2: unknown code system 'icd-11' (icd-10, icd-9, snomed, category)",
					"vocabulary/chronic-extra.csv:3: 'I99-I10' is not a code or an ascending range FROM-TO");
	}

	@Test
	void missingDirectoryIsReported() {
		assertThatThrownBy(() -> loader.load(rules.resolve("nowhere"))).isInstanceOf(RuleSetException.class)
			.hasMessageContaining("not a directory");
	}

	@Test
	void sameContentGivesSameHash() {
		RulesDirectory.copyOfFixture(rules);
		assertThat(loader.load(rules).contentHash()).isEqualTo(FixtureRules.get().contentHash());
	}
}
