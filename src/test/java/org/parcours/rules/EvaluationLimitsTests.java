package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.rules.EvaluationLimitException.Limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fixture rule set ({@link FixtureRules}) plus rules that never stop firing, evaluated under
 * limits: a storm ends its own evaluation with an error naming the limit and the last rule fired, is
 * counted, and leaves every other evaluation (on the same pooled sessions) as it was; the default
 * rules, for their part, stay far below the default limits. Without limits a storm never ends, so the
 * storm tests fail by their timeout rather than hang the build.
 */
class EvaluationLimitsTests {

	static RuleSet storming;

	@BeforeAll
	static void compileTheRulesWithStorms(@TempDir Path directory) {
		RulesDirectory rules = RulesDirectory.copyOfFixture(directory);
		rules.write(StormRules.FILE, StormRules.FOR_ONE_PATIENT);
		storming = new RuleSetLoader(Clock.systemUTC()).load(directory);
	}

	SimpleMeterRegistry registry = new SimpleMeterRegistry();

	static int level(RuleSet ruleSet, int age) {
		return Assess.on(ruleSet).assess(Assess.patient("{\"age\": " + age + ", \"conditions\": [], \"medicationCount\": 5}"))
			.riskLevel().level();
	}

	EvaluationLimitException exceeded(RuleSet ruleSet, int age) {
		return assertThatExceptionOfType(EvaluationLimitException.class).isThrownBy(() -> level(ruleSet, age)).actual();
	}

	double counted(Limit limit) {
		return registry.get("parcours.rules.limit.exceeded").tag("limit", limit.toString()).counter().count();
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aRuleThatKeepsInsertingFactsEndsItsEvaluationAtTheFiringLimitNamingTheRule() {
		RuleSet limited = storming.limitedBy(new EvaluationLimits(5000, Duration.ofMinutes(1), registry));

		EvaluationLimitException storm = exceeded(limited, StormRules.STORMING_AGE);

		assertThat(storm.limit()).isEqualTo(Limit.FIRINGS);
		assertThat(storm.rule()).isEqualTo("X-STORM");
		assertThat(storm).hasMessage("the evaluation passed its limit of 5000 rule firings; the last rule fired was 'X-STORM'");
		assertThat(counted(Limit.FIRINGS)).isEqualTo(1);
		assertThat(counted(Limit.TIME)).isZero();
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void twoRulesReFiringEachOtherEndAtTheFiringLimit() {
		RuleSet limited = storming.limitedBy(new EvaluationLimits(3000, Duration.ofMinutes(1), registry));

		EvaluationLimitException pingPong = exceeded(limited, StormRules.PING_PONG_AGE);

		assertThat(pingPong.limit()).isEqualTo(Limit.FIRINGS);
		assertThat(pingPong.rule()).isIn("X-PING", "X-PONG");
		assertThat(pingPong).hasMessageStartingWith("the evaluation passed its limit of 3000 rule firings; the last rule fired was 'X-P");
		assertThat(counted(Limit.FIRINGS)).isEqualTo(1);
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aStormUnderAHighFiringLimitEndsAtTheTimeLimit() {
		RuleSet limited = storming.limitedBy(new EvaluationLimits(Integer.MAX_VALUE, Duration.ofMillis(200), registry));
		long start = System.nanoTime();

		EvaluationLimitException slow = exceeded(limited, StormRules.PING_PONG_AGE);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200))
			.isLessThan(Duration.ofSeconds(5));
		assertThat(slow.limit()).isEqualTo(Limit.TIME);
		assertThat(slow.rule()).isIn("X-PING", "X-PONG");
		assertThat(slow).hasMessageStartingWith("the evaluation passed its limit of 200 ms; the last rule fired was 'X-P");
		assertThat(counted(Limit.TIME)).isEqualTo(1);
		assertThat(counted(Limit.FIRINGS)).isZero();
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void evaluationsAfterAStormAnswerAsBeforeOnTheSamePooledSessions() {
		RuleSet limited = storming.limitedBy(new EvaluationLimits(5000, Duration.ofMinutes(1), registry));
		int before = level(FixtureRules.get(), 70);

		for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
			assertThat(exceeded(limited, StormRules.STORMING_AGE)).isNotNull();
			assertThat(level(limited, 70)).isEqualTo(before);
		}
		assertThat(counted(Limit.FIRINGS)).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
	}

	@Test
	void theDefaultRulesStayFarBelowTheDefaultLimits() {
		RuleSet limited = DefaultRules.get().limitedBy(new EvaluationLimits(250, RulesProperties.DEFAULT_MAX_EVALUATION_TIME, registry));

		assertThat(level(limited, 70)).isEqualTo(level(DefaultRules.get(), 70));
		assertThat(counted(Limit.FIRINGS)).isZero();
	}
}
