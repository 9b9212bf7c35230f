package org.parcours.rules;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.parcours.assessment.Assess;
import org.parcours.cases.Cases;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture rule set of the engine tests passes every activation check, its golden cases included. */
class FixtureRulesTests {

	@Test
	void theFixturePassesItsActivationChecks() {
		List<RuleFile> files = RuleSetLoader.read(FixtureRules.DIRECTORY);
		assertThat(Cases.check().check(FixtureRules.get(), files)).isEmpty();
		assertThat(Assess.on(FixtureRules.get()).assess(Assess.patient(FixtureRules.FIVE_MEDICATIONS)).riskLevel().level()).isEqualTo(2);
	}
}
