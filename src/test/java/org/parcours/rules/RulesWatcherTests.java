package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinician saves a decision-table edit in the watched directory: the change is noticed at once and
 * answers within seconds, through file events and through polling alone (a volume that delivers no
 * events). The test asserts that the reload starts within a second of the save and that the answer
 * changes. It runs on the small fixture rule set: what it tests is the watcher, not the default rules,
 * whose end-to-end reload time is measured by the benchmarks (docs/performance.md).
 */
class RulesWatcherTests {

	@TempDir
	Path directory;

	RulesDirectory rules;

	ActiveRuleSet active;

	RuleReloader reloader;

	RulesWatcher watcher;

	@BeforeEach
	void copyTheFixtureRules() {
		rules = RulesDirectory.copyOfFixture(directory);
		active = new ActiveRuleSet(FixtureRules.get());
		reloader = new RuleReloader(active, new CandidatePipeline(new RuleSetLoader(Clock.systemUTC()), List.of(), EvaluationLimits.DEFAULT),
				directory, Clock.systemUTC(), new ReloadMetrics(new SimpleMeterRegistry()), Duration.ofMinutes(1));
	}

	@AfterEach
	void stop() {
		if (watcher != null) {
			watcher.stop();
		}
	}

	@ParameterizedTest(name = "file events {0}, polling every {1}")
	@CsvSource({ "true, PT0S", "false, PT0.5S" })
	void aSavedThresholdEditStartsAReloadWithinASecondAndChangesTheAnswer(boolean events, Duration poll) throws InterruptedException {
		watcher = new RulesWatcher(reloader, directory, new RulesProperties.Watch(true, events, Duration.ofMillis(200), poll));
		watcher.start();
		assertThat(level(active.get())).isEqualTo(2);

		long saved = System.nanoTime();
		Instant savedAt = Instant.now();
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		while (active.get() == FixtureRules.get() && System.nanoTime() - saved < Duration.ofSeconds(60).toNanos()) {
			Thread.sleep(20);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - saved);

		assertThat(level(active.get())).isEqualTo(1);
		assertThat(active.lastAttempt()).get().satisfies(attempt -> {
			assertThat(attempt.outcome()).isEqualTo(Outcome.ACTIVATED);
			assertThat(attempt.trigger()).isEqualTo(events ? Trigger.WATCHER : Trigger.POLL);
			assertThat(Duration.between(savedAt, attempt.at())).isLessThan(Duration.ofSeconds(1));
		});
		System.out.printf("edit answered after %d ms (events %s, poll %s)%n", took.toMillis(), events, poll);
	}

	static int level(RuleSet ruleSet) {
		return Assess.on(ruleSet).assess(Assess.patient(FixtureRules.FIVE_MEDICATIONS)).riskLevel().level();
	}
}
