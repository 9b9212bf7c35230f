package org.parcours.cases;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.rules.DefaultRules;
import org.parcours.rules.FixtureRules;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden cases cannot be removed by accident: a rule set without any case is refused unless the
 * configuration allows it, and a level rule or programme that no case exercises is reported by id.
 */
class CaseGateTests {

	/** The fixture rule set, except where the default rules' own files are named. */
	private static final List<RuleFile> FILES = RuleSetLoader.read(FixtureRules.DIRECTORY);

	private static final List<RuleFile> WITHOUT_CASES = FILES.stream().filter(file -> !file.isCase()).toList();

	@Test
	void aRuleSetWithoutGoldenCasesIsRefused() {
		assertThat(Cases.check().check(FixtureRules.get(), WITHOUT_CASES)).extracting(RuleProblem::toString)
			.containsExactly("cases/: the rule set has no golden cases, so nothing shows that its rules give the expected answers: "
					+ "restore the case files under cases/ (or, only for rules tested some other way, set "
					+ "parcours.rules.cases.allow-none=true)");
	}

	@Test
	void aRuleSetWithoutGoldenCasesIsActivatedOnlyWhenTheConfigurationAllowsIt() {
		assertThat(Cases.check(true).check(FixtureRules.get(), WITHOUT_CASES)).isEmpty();
	}

	@Test
	void aProgrammeThatNoCaseChecksIsReportedWithItsDeclaration() {
		List<RuleFile> withoutCopdCases = RuleSetLoader.read(DefaultRules.DIRECTORY).stream().filter(file -> !file.path().equals("cases/prado-copd.json")).toList();
		assertThat(Cases.check().check(DefaultRules.get(), withoutCopdCases)).extracting(RuleProblem::toString)
			.containsExactly("programmes/prado-copd.drl:8: programme 'prado-copd' is checked by no golden case: add cases under "
					+ "cases/ stating its expected status");
	}

	@Test
	void aLevelRuleThatNoCaseExercisesIsReportedById(@TempDir Path directory) {
		RulesDirectory rules = RulesDirectory.copyOfFixture(directory);
		rules.replace("stratification/levels.drl", "rule \"L1\"\n", """
				rule "L2-F"
				when
				    PatientFacts(admissionsLast12Months != null, admissionsLast12Months > 300)
				then
				    insert(new LevelFinding(2, "L2-F", "more than 300 admissions in 12 months"));
				end

				rule "L1"
				""");
		RuleSet candidate = new RuleSetLoader(Clock.systemUTC()).load(rules.root());
		List<RuleProblem> problems = Cases.check().check(candidate, RuleSetLoader.read(rules.root()));
		assertThat(problems).extracting(RuleProblem::toString).containsExactly("stratification/levels.drl:15: level rule 'L2-F' fires "
				+ "in no golden case that checks the level: add a case under cases/ whose patient meets it and that states the expected level");
	}
}
