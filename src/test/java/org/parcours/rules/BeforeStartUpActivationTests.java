package org.parcours.rules;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * While the start-up's rules stage runs in the background, the application already holds its
 * {@link ActiveRuleSet}, empty: an assessment reaching it would be refused (503, no active rule set)
 * and the rules health component is DOWN, never UP. (The web server does not even listen before the
 * stage has ended: Spring waits for every background bean before the context is ready.)
 */
class BeforeStartUpActivationTests {

	@Test
	void nothingAnswersAndTheRulesHealthIsDownBeforeTheStartUpActivation() {
		ActiveRuleSet active = new ActiveRuleSet();

		assertThatExceptionOfType(NoActiveRuleSetException.class).isThrownBy(active::get);
		assertThat(new RulesHealthIndicator(active, GateVerdictsTests.properties(false, 5000)).health().getStatus()).isEqualTo(Status.DOWN);

		active.activate(FixtureRules.get());
		assertThat(new RulesHealthIndicator(active, GateVerdictsTests.properties(false, 5000)).health().getStatus()).isEqualTo(Status.UP);
	}
}
