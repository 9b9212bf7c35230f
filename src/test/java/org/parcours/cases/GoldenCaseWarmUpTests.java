package org.parcours.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Evaluation;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.FixtureRules;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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

	/**
	 * A budget shorter than one round of the patients ends the warm-up in the middle of a round, even of
	 * the round that measures the active rule set's speed: a loaded machine, on which one round of the
	 * 664 default cases takes tens of seconds, does not hold the swap for it.
	 */
	@Test
	void aBudgetShorterThanARoundEndsTheWarmUpInTheMiddleOfIt() {
		RuleSet rules = DefaultRules.get();
		List<RuleFile> files = RuleSetLoader.read(DefaultRules.DIRECTORY);
		List<Patient> patients = Cases.check().patients(files);
		Evaluation evaluation = Evaluation.on(rules, Assess.TODAY, new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator()));
		patients.forEach(patient -> evaluation.assess(patient));
		long round = System.nanoTime();
		patients.forEach(patient -> evaluation.assess(patient));
		round = System.nanoTime() - round;
		long start = System.nanoTime();

		warmUp.warmUp(rules, rules, files, Duration.ofNanos(1));

		assertThat(System.nanoTime() - start).isLessThan(round / 4);
	}

	/**
	 * The warm-up runs on every core, but none of its threads outlives it: once the candidate is swapped
	 * in, the cores are the requests' again.
	 */
	@Test
	void theWarmUpRunsOnTheOtherCoresTooAndNoneOfItsThreadsOutlivesIt() throws Exception {
		assumeThat(GoldenCaseWarmUp.WARMERS).as("a machine with more than one core").isPositive();
		RuleSet rules = DefaultRules.get();
		List<RuleFile> files = RuleSetLoader.read(DefaultRules.DIRECTORY);
		CompletableFuture<Void> warming = CompletableFuture.runAsync(() -> warmUp.warmUp(rules, rules, files, Duration.ofSeconds(2)));
		boolean seen = false;
		while (!seen && !warming.isDone()) {
			seen = warmingThreadAlive();
			Thread.onSpinWait();
		}

		warming.get(1, TimeUnit.MINUTES);

		assertThat(seen).as("a warming thread ran beside the measuring one").isTrue();
		assertThat(warmingThreadAlive()).isFalse();
	}

	private static boolean warmingThreadAlive() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().startsWith("rules-warm-up-") && thread.isAlive());
	}
}
