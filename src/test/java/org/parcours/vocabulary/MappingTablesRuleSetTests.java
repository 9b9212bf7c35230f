package org.parcours.vocabulary;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Assessment;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetException;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping tables load with the rest of a rules directory: an edited row is a new version, a bad one refuses the whole set. */
class MappingTablesRuleSetTests {

	@TempDir
	Path rules;

	@Test
	void anEditedLevelLabelIsPartOfTheNextVersion() {
		RulesDirectory.copyOfDefault(rules).replace("vocabulary/kaiser-level.csv", "1,supported-self-care,", "1,self-care,");
		RuleSet edited = new RuleSetLoader(Clock.systemUTC()).load(rules);
		Assessment answer = Assess.on(edited).assess(Assess.patient("{\"age\": 40}"));
		assertThat(answer.riskLevel().level()).isEqualTo(1);
		assertThat(answer.riskLevel().label()).isEqualTo("self-care");
		assertThat(edited.contentHash()).isNotEqualTo(DefaultRules.get().contentHash());
	}

	@Test
	void aBadRowRefusesTheRuleSetWithFileAndLine() {
		RulesDirectory.copyOfDefault(rules).replace("vocabulary/kaiser-level.csv", "1,supported-self-care,low,", "1,supported-self-care,very-low,");
		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleSetException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/kaiser-level.csv:5: unknown risk_probability 'very-low' (certain, high, low, moderate, negligible)"));
	}
}
