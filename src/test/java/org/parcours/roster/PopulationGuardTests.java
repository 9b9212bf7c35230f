package org.parcours.roster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The population guard on the default rules and their reference roster: they pass honestly, and a
 * candidate outside a bound is refused naming the bound, its line and the share measured.
 */
class PopulationGuardTests {

	private static final List<RuleFile> DEFAULT_FILES = RuleSetLoader.read(DefaultRules.DIRECTORY);

	private final PopulationGuard guard = new PopulationGuard(Assess.VALIDATOR, Clock.systemUTC());

	@TempDir
	Path rules;

	@Test
	void theDefaultRulesKeepTheirReferenceRosterWithinItsBounds() {
		assertThat(guard.check(DefaultRules.get(), DEFAULT_FILES)).isEmpty();
	}

	@Test
	void aRuleEditThatEmptiesTheBaseOfThePyramidIsRefused() {
		// Polypharmacy from 2 medications instead of 5: most of the roster moves to level 2.
		RulesDirectory.copyOfDefault(rules).replace("stratification/thresholds.drl.csv", "polypharmacy.min-medications,5",
				"polypharmacy.min-medications,2");
		RuleSet candidate = new RuleSetLoader(Clock.systemUTC()).load(rules);
		List<RuleProblem> problems = guard.check(candidate, RuleSetLoader.read(rules));
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("cases/population-bounds.csv");
			assertThat(problem.line()).isEqualTo(11);
			assertThat(problem.message()).startsWith("bound 'level-1-base' missed on the reference roster: level 1 is ")
				.contains(" % of all rows scored (", " of 600), outside the bound level 1 at least 50 % of all rows scored");
		});
	}

	@Test
	void aTighterBoundNamesTheShareMeasured() {
		List<RuleFile> files = replaced("level-3-share,all,3,1,5,", "level-3-share,all,3,1,3,");
		assertThat(guard.check(DefaultRules.get(), files)).containsExactly(new RuleProblem("cases/population-bounds.csv", 10,
				"bound 'level-3-share' missed on the reference roster: level 3 is 3.33 % of all rows scored (20 of 600),"
						+ " outside the bound level 3 between 1 % and 3 % of all rows scored"));
	}

	@Test
	void boundsNeedTheirRosterAndARosterNeedsNoErrorRow() {
		List<RuleFile> withoutRoster = DEFAULT_FILES.stream().filter(file -> !file.path().equals(PopulationGuard.ROSTER)).toList();
		assertThat(guard.check(DefaultRules.get(), withoutRoster)).extracting(RuleProblem::message)
			.containsExactly("the population guard needs cases/reference-roster.csv too: bounds are measured on the reference roster");
		List<RuleFile> badRow = DEFAULT_FILES.stream().map(file -> file.path().equals(PopulationGuard.ROSTER)
				? new RuleFile(file.path(), file.text().replaceFirst("\nG2026-2,", "\nG2026-2,-4").getBytes(StandardCharsets.UTF_8)) : file)
			.toList();
		assertThat(guard.check(DefaultRules.get(), badRow)).extracting(RuleProblem::message).singleElement().asString()
			.startsWith("the reference roster must score without an error row, but row 2 gave one (");
	}

	@Test
	void aRuleSetWithoutBoundsIsNotChecked() {
		List<RuleFile> without = DEFAULT_FILES.stream().filter(file -> !file.path().startsWith("cases/population-")
				&& !file.path().equals(PopulationGuard.ROSTER)).toList();
		assertThat(guard.check(DefaultRules.get(), without)).isEmpty();
	}

	private static List<RuleFile> replaced(String from, String to) {
		return DEFAULT_FILES.stream().map(file -> {
			if (!file.path().equals(PopulationGuard.BOUNDS)) {
				return file;
			}
			assertThat(file.text()).contains(from);
			return new RuleFile(file.path(), file.text().replace(from, to).getBytes(StandardCharsets.UTF_8));
		}).toList();
	}
}
