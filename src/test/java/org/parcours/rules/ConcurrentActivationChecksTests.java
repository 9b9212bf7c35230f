package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The activation checks (golden cases, population guard) run at the same time, so that neither waits
 * for the other's last case or chunk; the gate still reports what a run one after the other would:
 * the problems in the order of the checks, and the first check's failure.
 */
class ConcurrentActivationChecksTests {

	@TempDir
	Path directory;

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void theChecksRunAtTheSameTimeAndTheirProblemsComeInTheirOrder() {
		List<RuleFile> files = fixtureFiles();
		CountDownLatch secondStarted = new CountDownLatch(1);
		// the first check can only end once the second has started: one after the other, it would wait forever
		ActivationCheck first = (candidate, checked) -> {
			await(secondStarted);
			return List.of(new RuleProblem("cases/a.json", 3, "first"));
		};
		ActivationCheck second = (candidate, checked) -> {
			secondStarted.countDown();
			return List.of(new RuleProblem("cases/b.csv", 7, "second"));
		};

		assertThatThrownBy(() -> pipeline(first, second).build(files)).isInstanceOfSatisfying(RuleSetException.class, refused -> {
			assertThat(refused.stage()).isEqualTo(CandidatePipeline.ACTIVATION_CHECKS);
			assertThat(refused.problems()).extracting(RuleProblem::toString).containsExactly("cases/a.json:3: first", "cases/b.csv:7: second");
		});
	}

	@Test
	@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void theFirstChecksFailureIsThrownWithoutWaitingForTheNext() {
		CountDownLatch never = new CountDownLatch(1);
		ActivationCheck failing = (candidate, checked) -> {
			throw new IllegalStateException("the engine failed");
		};
		ActivationCheck endless = (candidate, checked) -> {
			await(never);
			return List.of();
		};

		assertThatThrownBy(() -> pipeline(failing, endless).build(fixtureFiles())).isInstanceOf(IllegalStateException.class)
			.hasMessage("the engine failed");
	}

	@Test
	void aCandidatePassingEveryCheckIsBuilt() {
		ActivationCheck passes = (candidate, checked) -> List.of();

		RuleSet built = pipeline(passes, passes).build(fixtureFiles());

		assertThat(built.contentHash()).isEqualTo(FixtureRules.get().contentHash());
	}

	private List<RuleFile> fixtureFiles() {
		RulesDirectory.copyOfFixture(directory);
		return RuleSetLoader.read(directory);
	}

	private static CandidatePipeline pipeline(ActivationCheck... checks) {
		return new CandidatePipeline(new RuleSetLoader(Clock.systemUTC()), List.of(checks), EvaluationLimits.DEFAULT);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
