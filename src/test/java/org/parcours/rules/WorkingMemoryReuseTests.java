package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Assessment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working memories that keep the constant facts from one patient to the next give each patient the
 * answer and the firings a new working memory gives: nothing of one evaluation is left for the next,
 * the rules that fire on the tables' facts alone count as fired in every evaluation, and a rule set
 * with a rule that fires when no patient is there falls back to a new working memory per patient.
 */
class WorkingMemoryReuseTests {

	/** Fires on a parameter fact alone, with positive patterns only: its firing is the same for everyone. */
	static final String TABLE_NOTE = """
			package stratification
			import org.parcours.facts.*
			rule "X-TABLE-NOTE"
			when
			    Threshold(name == "polypharmacy.min-medications")
			then
			    insert(Flag.yes("x-table-note", "X-TABLE-NOTE"));
			end
			""";

	/** Fires with no patient at all ("no level 2 or more found"), and then for level-1 patients only. */
	static final String BELOW_LEVEL_2 = """
			package stratification
			import org.parcours.facts.*
			rule "X-BELOW-LEVEL-2"
			when
			    not LevelFinding(level >= 2)
			then
			    insert(Flag.yes("x-below-level-2", "X-BELOW-LEVEL-2"));
			end
			""";

	/** Deletes a finding during the evaluation: the working memory it ran in is not brought back and reused. */
	static final String DELETES_LEVEL_2 = """
			package stratification
			import org.parcours.facts.*
			rule "X-DELETE-LEVEL-2"
			when
			    $finding : LevelFinding(level == 2)
			then
			    delete($finding);
			end
			""";

	static final String NO_MEDICATION = "{\"age\": 60, \"conditions\": [], \"medicationCount\": 0}";

	static RuleSet fixtureWith(Path directory, String rule) {
		RulesDirectory rules = RulesDirectory.copyOfFixture(directory);
		rules.write("stratification/extra.drl", rule);
		return new RuleSetLoader(Clock.systemUTC()).load(directory);
	}

	/** The rules fired while assessing {@code json}, by name, in firing order. */
	static List<String> fired(RuleSet ruleSet, String json, List<Assessment> answers) {
		List<String> fired = new ArrayList<>();
		answers.add(Assess.on(ruleSet).assess(Assess.patient(json), new DefaultAgendaEventListener() {
			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				fired.add(event.getMatch().getRule().getName());
			}
		}));
		return fired;
	}

	@Test
	void theDefaultRulesKeepTheirConstantFactsBetweenPatients() {
		assertThat(DefaultRules.get().reusesWorkingMemories()).isTrue();
	}

	@Test
	void aReusedWorkingMemoryLeavesNothingOfOnePatientForTheNext(@TempDir Path directory) {
		RuleSet ruleSet = fixtureWith(directory, TABLE_NOTE);
		assertThat(ruleSet.reusesWorkingMemories()).isTrue();
		List<Assessment> answers = new ArrayList<>();

		List<String> first = fired(ruleSet, FixtureRules.FIVE_MEDICATIONS, answers);
		List<String> second = fired(ruleSet, NO_MEDICATION, answers);
		List<String> third = fired(ruleSet, FixtureRules.FIVE_MEDICATIONS, answers);

		assertThat(answers).extracting(answer -> answer.riskLevel().level()).containsExactly(2, 1, 2);
		assertThat(answers.get(1).riskLevel().reasons()).extracting(Assessment.Reason::rule).containsExactly("L1");
		assertThat(first).containsExactlyInAnyOrder("X-TABLE-NOTE", "FIX-L2", "PRADO-COPD-1");
		assertThat(second).containsExactlyInAnyOrder("X-TABLE-NOTE", "L1", "PRADO-COPD-1");
		assertThat(third).isEqualTo(first);
	}

	@Test
	void aRuleThatFiresWithoutAnyPatientGetsANewWorkingMemoryPerPatient(@TempDir Path directory) {
		RuleSet ruleSet = fixtureWith(directory, BELOW_LEVEL_2);
		assertThat(ruleSet.reusesWorkingMemories()).isFalse();
		List<Assessment> answers = new ArrayList<>();

		List<String> levelTwo = fired(ruleSet, FixtureRules.FIVE_MEDICATIONS, answers);
		List<String> levelOne = fired(ruleSet, NO_MEDICATION, answers);

		assertThat(answers).extracting(answer -> answer.riskLevel().level()).containsExactly(2, 1);
		assertThat(levelTwo).containsExactlyInAnyOrder("FIX-L2", "PRADO-COPD-1");
		assertThat(levelOne).containsExactlyInAnyOrder("X-BELOW-LEVEL-2", "L1", "PRADO-COPD-1");
	}

	@Test
	void anEvaluationThatDeletesAFactAnswersFromWhatIsLeftAndItsWorkingMemoryIsNotReused(@TempDir Path directory) {
		RuleSet ruleSet = fixtureWith(directory, DELETES_LEVEL_2);
		assertThat(ruleSet.reusesWorkingMemories()).isTrue();
		List<Assessment> answers = new ArrayList<>();

		List<String> first = fired(ruleSet, FixtureRules.FIVE_MEDICATIONS, answers);
		List<String> second = fired(ruleSet, FixtureRules.FIVE_MEDICATIONS, answers);

		// FIX-L2's finding is deleted, so "no level 2 or more" holds and L1 fires: level 1, as a new working memory gives
		assertThat(answers).extracting(answer -> answer.riskLevel().level()).containsExactly(1, 1);
		assertThat(first).contains("FIX-L2", "X-DELETE-LEVEL-2", "L1");
		assertThat(second).isEqualTo(first);
	}
}
