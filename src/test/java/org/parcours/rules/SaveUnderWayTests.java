package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files read in the middle of a save (a file half-written, a pull half-applied) never become active:
 * when the rules directory changes while its candidate is checked, the watcher's and the poller's
 * candidate is dropped, neither activated nor recorded, and the settled content is reloaded next. A
 * save spread over several writes still gives one activation, of what was saved last. The first
 * content stands for the unfinished save: whether the gate would pass or refuse it, it must not count.
 */
class SaveUnderWayTests {

	@TempDir
	Path directory;

	RulesDirectory rules;

	ActiveRuleSet active;

	List<String> activated = new CopyOnWriteArrayList<>();

	RulesWatcher watcher;

	@BeforeEach
	void copyTheFixtureRules() {
		rules = RulesDirectory.copyOfFixture(directory);
		active = new ActiveRuleSet(FixtureRules.get());
	}

	@AfterEach
	void stop() {
		if (watcher != null) {
			watcher.stop();
		}
	}

	/**
	 * A reloader whose gate, on its first candidate only, lets {@code duringTheGate} write into the
	 * directory and then answers {@code firstAnswer}; every later candidate passes.
	 */
	RuleReloader reloader(Runnable duringTheGate, RuleProblem... firstAnswer) {
		AtomicBoolean first = new AtomicBoolean(true);
		ActivationCheck writesOnce = (candidate, files) -> {
			if (first.getAndSet(false)) {
				duringTheGate.run();
				return List.of(firstAnswer);
			}
			return List.of();
		};
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		return new RuleReloader(active, new CandidatePipeline(new RuleSetLoader(Clock.systemUTC()), List.of(writesOnce), EvaluationLimits.DEFAULT),
				directory, Clock.systemUTC(), new ReloadMetrics(registry), Duration.ofMinutes(1), (candidate, current, files, budget) -> {
				}, Duration.ZERO, List.of(activation -> activated.add(activation.contentHash())));
	}

	@Test
	void aCandidateWhoseFilesChangedWhileItWasCheckedIsDroppedAndTheSettledOneIsReloadedNext() {
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		RuleReloader reloader = reloader(() -> rules.replace(FixtureRules.THRESHOLDS, "polypharmacy.min-medications,6",
				"polypharmacy.min-medications,7"));

		assertThat(reloader.reloadIfChanged(Trigger.WATCHER)).isEmpty();
		assertThat(active.get()).isSameAs(FixtureRules.get());
		assertThat(active.lastAttempt()).isEmpty();
		assertThat(activated).isEmpty();

		assertThat(reloader.reloadIfChanged(Trigger.WATCHER)).get().extracting(ReloadAttempt::outcome).isEqualTo(Outcome.ACTIVATED);
		assertThat(active.get().contentHash()).isEqualTo(RuleSetLoader.contentHashOf(RuleSetLoader.read(directory)));
		assertThat(activated).containsExactly(active.get().contentHash());
	}

	@Test
	void aRefusalOfFilesThatChangedWhileTheyWereCheckedIsNotRecordedAndTheSettledFilesAreReloaded() {
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		RuleReloader reloader = reloader(() -> rules.replace(FixtureRules.THRESHOLDS, "polypharmacy.min-medications,6",
				"polypharmacy.min-medications,7"), new RuleProblem(FixtureRules.THRESHOLDS, 2, "half-written"));

		assertThat(reloader.reloadIfChanged(Trigger.POLL)).isEmpty();
		assertThat(active.lastAttempt()).as("no refusal recorded for files no longer there").isEmpty();

		assertThat(reloader.reloadIfChanged(Trigger.POLL)).get().extracting(ReloadAttempt::outcome).isEqualTo(Outcome.ACTIVATED);
		assertThat(activated).containsExactly(RuleSetLoader.contentHashOf(RuleSetLoader.read(directory)));
	}

	@Test
	void anExplicitReloadAnswersForTheFilesItRead() {
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String read = RuleSetLoader.contentHashOf(RuleSetLoader.read(directory));
		RuleReloader reloader = reloader(() -> rules.replace(FixtureRules.THRESHOLDS, "polypharmacy.min-medications,6",
				"polypharmacy.min-medications,7"));

		assertThat(reloader.reload(Trigger.API).outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(activated).containsExactly(read);
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void aSaveInTwoWritesSpreadOverTheCheckGivesOneActivationOfTheLastWrite() throws InterruptedException {
		CountDownLatch secondWriteDone = new CountDownLatch(1);
		RuleReloader reloader = reloader(() -> {
			rules.replace(FixtureRules.THRESHOLDS, "polypharmacy.min-medications,6", "polypharmacy.min-medications,7");
			secondWriteDone.countDown();
		});
		watcher = new RulesWatcher(reloader, directory, new RulesProperties.Watch(true, true, Duration.ofMillis(50), Duration.ZERO));
		watcher.start();

		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		assertThat(secondWriteDone.await(1, TimeUnit.MINUTES)).isTrue();
		String settled = RuleSetLoader.contentHashOf(RuleSetLoader.read(directory));
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (!active.get().contentHash().equals(settled) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}

		assertThat(active.get().contentHash()).isEqualTo(settled);
		assertThat(activated).containsExactly(settled);
		assertThat(active.lastAttempt()).get().extracting(ReloadAttempt::trigger).isEqualTo(Trigger.WATCHER);
	}
}
