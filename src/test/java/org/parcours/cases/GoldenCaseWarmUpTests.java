package org.parcours.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import org.parcours.assessment.Assess;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.FixtureRules;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up stops once the candidate runs the golden cases' patients at full speed, well before its budget. */
class GoldenCaseWarmUpTests {

	final GoldenCaseWarmUp warmUp = new GoldenCaseWarmUp(new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator()),
			Cases.check(), Clock.fixed(Assess.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

	@Test
	void aCandidateAlreadyAtFullSpeedIsNotHeldForTheWholeBudget() {
		RuleSet rules = FixtureRules.get();
		for (int i = 0; i < 20; i++) {
			warmUp.warmUp(rules, rules, RuleSetLoader.read(FixtureRules.DIRECTORY), Duration.ofMillis(200));
		}
		long start = System.nanoTime();

		warmUp.warmUp(rules, rules, RuleSetLoader.read(FixtureRules.DIRECTORY), Duration.ofMinutes(2));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
	}
}
