package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.cases.Cases;
import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reloading an edited copy of a rule set through the whole pipeline (safety check, compilation, golden
 * cases): what is activated, what is refused and how the refusal is reported. It runs on the small
 * fixture rule set ({@link FixtureRules}): what it tests is the reload, not the default rules' content.
 */
class RuleReloaderTests {

	static final String THRESHOLD = FixtureRules.THRESHOLD;

	static final String THRESHOLDS = FixtureRules.THRESHOLDS;

	@TempDir
	Path directory;

	RulesDirectory rules;

	ActiveRuleSet active;

	RuleReloader reloader;

	SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void startOnACopyOfTheFixtureRules() {
		rules = RulesDirectory.copyOfFixture(directory);
		active = new ActiveRuleSet(FixtureRules.get());
		reloader = reloader(List.of(Cases.check()), Duration.ofMinutes(1));
	}

	/** A reloader of the directory through the application's pipeline, with these checks and this deadline. */
	RuleReloader reloader(List<ActivationCheck> checks, Duration deadline) {
		return new RuleReloader(active, new CandidatePipeline(new RuleSetLoader(Clock.systemUTC()), checks,
				new EvaluationLimits(RulesProperties.DEFAULT_MAX_FIRINGS, RulesProperties.DEFAULT_MAX_EVALUATION_TIME, registry)),
				directory, Clock.systemUTC(), new ReloadMetrics(registry), deadline);
	}

	/** The level of a patient with 5 medications: 2 at the fixture's threshold of 5, 1 from 6 on. */
	static int level(RuleSet ruleSet) {
		return Assess.on(ruleSet).assess(Assess.patient(FixtureRules.FIVE_MEDICATIONS)).riskLevel().level();
	}

	@Test
	void aValidThresholdEditIsActivatedAndChangesTheAnswer() {
		String before = active.get().version();
		assertThat(level(active.get())).isEqualTo(2);
		rules.replace(THRESHOLDS, THRESHOLD, "polypharmacy.min-medications,6");

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertThat(attempt.outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(attempt.problems()).isEmpty();
		assertThat(attempt.version()).isEqualTo(active.get().version()).isNotEqualTo(before);
		assertThat(active.get().contentHash()).isNotEqualTo(FixtureRules.get().contentHash());
		assertThat(level(active.get())).isEqualTo(1);
		assertThat(active.lastAttempt()).contains(attempt);
		assertThat(registry.get("parcours.rules.reload").tag("outcome", "activated").timer().count()).isEqualTo(1);
		assertThat(registry.find("parcours.rules.active").gauges()).singleElement()
			.satisfies(gauge -> assertThat(gauge.getId().getTag("version")).isEqualTo(attempt.version()));
	}

	@Test
	void theCandidateIsWarmedBeforeTheSwapWithTheActiveRuleSetAsTheMeasureOfFullSpeed() {
		RuleSet before = active.get();
		List<String> seen = new java.util.ArrayList<>();
		reloader = new RuleReloader(active, new CandidatePipeline(new RuleSetLoader(Clock.systemUTC()), List.of(Cases.check()),
				EvaluationLimits.DEFAULT), directory, Clock.systemUTC(), new ReloadMetrics(registry), Duration.ofMinutes(1),
				(candidate, reference, files, budget) -> {
					seen.add("warmed " + candidate.contentHash() + " at level " + level(candidate) + " with budget " + budget);
					seen.add("reference " + reference.version() + ", still active " + active.get().version());
				}, Duration.ofSeconds(2), List.of());
		rules.replace(THRESHOLDS, THRESHOLD, "polypharmacy.min-medications,6");

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertThat(attempt.outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(seen).containsExactly("warmed " + active.get().contentHash() + " at level 1 with budget PT2S",
				"reference " + before.version() + ", still active " + before.version());
	}

	@Test
	void aRefusedCandidateIsNotWarmed() {
		AtomicBoolean warmed = new AtomicBoolean();
		reloader = new RuleReloader(active, new CandidatePipeline(new RuleSetLoader(Clock.systemUTC()), List.of(Cases.check()),
				EvaluationLimits.DEFAULT), directory, Clock.systemUTC(), new ReloadMetrics(registry), Duration.ofMinutes(1),
				(candidate, reference, files, budget) -> warmed.set(true), Duration.ofSeconds(2), List.of());
		rules.replace(THRESHOLDS, THRESHOLD, "polypharmacy.min-medications,7");

		assertThat(reloader.reload(Trigger.API).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(warmed).isFalse();
	}

	@Test
	void aSyntaxErrorIsRefusedWithFileAndLine() {
		ReloadAttempt attempt = refusedAfterEdit("stratification/levels.drl", "rule \"FIX-L2\"\nwhen", "rule \"FIX-L2\"\nwhen when", "Compilation");

		assertThat(attempt.problems()).isNotEmpty().allSatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("stratification/levels.drl");
			assertThat(problem.line()).isPositive();
		});
	}

	@Test
	void aChangeThatBreaksAGoldenCaseIsRefusedNamingTheCase() {
		ReloadAttempt attempt = refusedAfterEdit(THRESHOLDS, THRESHOLD, "polypharmacy.min-medications,7", "Activation checks");

		assertThat(attempt.problems()).anySatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("cases/fixture.json");
			assertThat(problem.line()).isPositive();
			assertThat(problem.message()).startsWith("case 'fixture-six-medications': ").contains("level");
		});
		assertThat(level(active.get())).isEqualTo(2);
	}

	@Test
	void aForbiddenDrlIsRefusedBeforeCompilingWithFileLineAndRule() {
		String before = active.get().version();
		rules.write("stratification/shutdown.drl", """
				package stratification

				import org.parcours.facts.*

				rule "X-SHUTDOWN"
				when
				    PatientFacts(age > 200)
				then
				    System.exit(0);
				end
				""");

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertRefused(attempt, before, "Safety check");
		assertThat(attempt.problems()).containsExactly(new RuleProblem("stratification/shutdown.drl", 9,
				"rule \"X-SHUTDOWN\": 'System' is not allowed in rules (it reaches the JVM and its environment)"),
				new RuleProblem("stratification/shutdown.drl", 9, "rule \"X-SHUTDOWN\": 'exit' is not allowed in rules (it reaches the JVM)"));
	}

	@Test
	void theWatcherDoesNotRetryARefusedOrUnchangedDirectoryButTheEndpointDoes() {
		assertThat(reloader.reloadIfChanged(Trigger.POLL)).isEmpty();
		rules.replace("stratification/levels.drl", "rule \"FIX-L2\"\nwhen", "rule \"FIX-L2\"\nwhen when");
		assertThat(reloader.reloadIfChanged(Trigger.POLL)).get().extracting(ReloadAttempt::outcome).isEqualTo(Outcome.REFUSED);
		assertThat(reloader.reloadIfChanged(Trigger.POLL)).isEmpty();
		assertThat(reloader.reload(Trigger.API).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(registry.get("parcours.rules.reload").tag("outcome", "refused").timer().count()).isEqualTo(2);
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void aStormForEveryPatientIsRefusedByTheGoldenCasesNamingLimitAndRuleAndTheNextEditGoesLive() {
		String before = active.get().version();
		rules.write(StormRules.FILE, StormRules.FOR_EVERY_PATIENT);

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertRefused(attempt, before, CandidatePipeline.ACTIVATION_CHECKS);
		// the first case stops at the limit; the fixture's other cases are not run, since each would pay the limit again
		assertThat(attempt.problems()).hasSize(2);
		assertThat(attempt.problems().get(0).file()).startsWith("cases/");
		assertThat(attempt.problems().get(0).message()).matches("case '[A-Za-z0-9-]+': the rules failed on this patient: "
				+ "the evaluation passed its limit of 5000 rule firings; the last rule fired was 'X-STORM'");
		assertThat(attempt.problems().get(1).message()).isEqualTo("4 more case(s) not run: a case passed an evaluation limit, "
				+ "so the rule set is refused as it is");
		assertThat(registry.get("parcours.rules.limit.exceeded").tag("limit", "firings").counter().count()).isEqualTo(1);
		assertThat(level(active.get())).isEqualTo(2);

		rules.delete(StormRules.FILE);
		rules.replace(THRESHOLDS, THRESHOLD, "polypharmacy.min-medications,6");
		assertThat(reloader.reloadIfChanged(Trigger.POLL)).get().extracting(ReloadAttempt::outcome).isEqualTo(Outcome.ACTIVATED);
		assertThat(level(active.get())).isEqualTo(1);
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void aReloadPastItsDeadlineIsRefusedNamingItsStageAndTheNextEditGoesLiveWhileTheStuckOneStillRuns() throws InterruptedException {
		AtomicBoolean armed = new AtomicBoolean();
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<Thread> stuck = new AtomicReference<>();
		// once armed, the next candidate's checks hang, deaf to interruption, as a wedged golden case would
		ActivationCheck hangsOnce = (candidate, files) -> {
			if (armed.getAndSet(false)) {
				stuck.set(Thread.currentThread());
				while (release.getCount() > 0) {
					try {
						release.await();
					}
					catch (InterruptedException ignored) {
						// deaf on purpose
					}
				}
			}
			return List.of();
		};
		// a deadline well above this machine's reload time now, so that the candidate is surely in its checks when it passes
		rules.replace(THRESHOLDS, THRESHOLD, "polypharmacy.min-medications,7");
		long normal = reloader(List.of(hangsOnce), Duration.ofMinutes(5)).reload(Trigger.API).durationMs();
		Duration deadline = Duration.ofMillis(Math.max(5000, 3 * normal));
		reloader = reloader(List.of(hangsOnce), deadline);
		String before = active.get().version();
		rules.replace(THRESHOLDS, "polypharmacy.min-medications,7", "polypharmacy.min-medications,8");
		armed.set(true);
		try {
			ReloadAttempt timedOut = reloader.reload(Trigger.API);

			assertThat(stuck.get()).as("the checks were entered").isNotNull();
			assertThat(timedOut.outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(timedOut.stage()).isEqualTo(CandidatePipeline.ACTIVATION_CHECKS);
			assertThat(timedOut.version()).isEqualTo(before).isEqualTo(active.get().version());
			assertThat(timedOut.durationMs()).isBetween(deadline.toMillis(), deadline.toMillis() + 2000);
			assertThat(timedOut.problems()).containsExactly(new RuleProblem(null, 0,
					"timed out in stage Activation checks: the reload did not finish within its deadline of " + deadline.toMillis() + " ms"));
			assertThat(active.lastAttempt()).contains(timedOut);
			assertThat(stuck.get().isAlive()).isTrue();
			assertThat(reloader.reloadIfChanged(Trigger.POLL)).as("the timed-out content is not retried").isEmpty();

			rules.replace(THRESHOLDS, "polypharmacy.min-medications,8", "polypharmacy.min-medications,6");
			ReloadAttempt next = reloader.reloadIfChanged(Trigger.POLL).orElseThrow();

			assertThat(next.outcome()).isEqualTo(Outcome.ACTIVATED);
			assertThat(level(active.get())).isEqualTo(1);
			assertThat(stuck.get().isAlive()).as("the next edit went live while the stuck candidate still ran").isTrue();
			release.countDown();
			stuck.get().join();
			assertThat(active.get().version()).as("a candidate given up is never activated").isEqualTo(next.version());
			assertThat(active.lastAttempt()).contains(next);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void contentGivenUpAtItsDeadlineIsRetriedByPollingOnceItsBuildEndedWithoutAProblem() throws InterruptedException {
		AtomicBoolean armed = new AtomicBoolean();
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<Thread> slow = new AtomicReference<>();
		// once armed, the next candidate's checks pass, but only when released: a machine too busy to finish in time
		ActivationCheck slowOnce = (candidate, files) -> {
			if (armed.getAndSet(false)) {
				slow.set(Thread.currentThread());
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return List.of();
		};
		rules.replace(THRESHOLDS, THRESHOLD, "polypharmacy.min-medications,7");
		long normal = reloader(List.of(slowOnce), Duration.ofMinutes(5)).reload(Trigger.API).durationMs();
		reloader = reloader(List.of(slowOnce), Duration.ofMillis(Math.max(5000, 3 * normal)));
		rules.replace(THRESHOLDS, "polypharmacy.min-medications,7", "polypharmacy.min-medications,6");
		armed.set(true);
		try {
			assertThat(reloader.reloadIfChanged(Trigger.POLL)).get().satisfies(attempt -> {
				assertThat(attempt.outcome()).isEqualTo(Outcome.REFUSED);
				assertThat(attempt.problems()).singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("timed out in stage"));
			});
			assertThat(reloader.reloadIfChanged(Trigger.POLL)).as("not retried while its build runs").isEmpty();
			release.countDown();
			slow.get().join();
			// the checks run on threads of their own: the build ends just after them, and polling retries it then
			Optional<ReloadAttempt> retried = reloader.reloadIfChanged(Trigger.POLL);
			for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); retried.isEmpty() && System.nanoTime() < until;) {
				Thread.sleep(10);
				retried = reloader.reloadIfChanged(Trigger.POLL);
			}

			assertThat(retried).as("retried once it ended without a problem").get()
				.extracting(ReloadAttempt::outcome).isEqualTo(Outcome.ACTIVATED);
			assertThat(level(active.get())).isEqualTo(1);
		}
		finally {
			release.countDown();
		}
	}

	ReloadAttempt refusedAfterEdit(String file, String from, String to, String stage) {
		String before = active.get().version();
		rules.replace(file, from, to);
		ReloadAttempt attempt = reloader.reload(Trigger.API);
		assertRefused(attempt, before, stage);
		return attempt;
	}

	void assertRefused(ReloadAttempt attempt, String activeBefore, String stage) {
		assertThat(attempt.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(attempt.stage()).isEqualTo(stage);
		assertThat(attempt.trigger()).isEqualTo(Trigger.API);
		assertThat(attempt.version()).isEqualTo(activeBefore);
		assertThat(active.get().version()).isEqualTo(activeBefore);
		assertThat(active.get()).isSameAs(FixtureRules.get());
		assertThat(active.lastAttempt()).contains(attempt);
	}
}
