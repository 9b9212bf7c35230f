package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.cases.Cases;
import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reload that changes only parameters (a threshold, a next step's text) activates a new version that
 * runs on the very knowledge base of the rules the active version runs on, already warm, so it is not
 * warmed again; a reload that changes a rule's condition gets a knowledge base of its own, warmed only
 * when more than a third of its files have new classes.
 * Runs on a copy of the fixture rule set, through the application's pipeline and golden cases.
 */
class ParameterEditReloadTests {

	static final String PATIENT_ADMITTED_FOR_COPD = "{\"age\": 70, \"stay\": {\"admissionType\": \"urgent\", \"reason\": \"copd\", "
			+ "\"lengthOfStayDays\": 6, \"dischargeDestination\": \"home\"}}";

	@TempDir
	Path directory;

	RulesDirectory rules;

	ActiveRuleSet active;

	RuleReloader reloader;

	/** The versions the warm-up was asked to warm. */
	List<String> warmed = new ArrayList<>();

	@BeforeEach
	void activeFixtureCopyAndAReloaderWarmingThroughTheSameLoader() {
		rules = RulesDirectory.copyOfFixture(directory);
		RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());
		active = new ActiveRuleSet(loader.load(directory));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		reloader = new RuleReloader(active, new CandidatePipeline(loader, List.of(Cases.check()), EvaluationLimits.DEFAULT), directory,
				Clock.systemUTC(), new ReloadMetrics(registry), Duration.ofMinutes(1),
				(candidate, reference, files, budget) -> warmed.add(candidate.version()), Duration.ofSeconds(2), List.of());
	}

	@Test
	void aThresholdEditRunsOnTheSameKnowledgeBaseAndIsNotWarmed() {
		RuleSet before = active.get();
		assertThat(RuleReloaderTests.level(before)).isEqualTo(2);
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertThat(attempt.outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(active.get().version()).isEqualTo(attempt.version()).isNotEqualTo(before.version());
		assertThat(RuleReloaderTests.level(active.get())).isEqualTo(1);
		assertThat(RuleReloaderTests.level(before)).as("the replaced version keeps its own parameters").isEqualTo(2);
		assertThat(active.get().rulesKnowledgeBase()).isSameAs(before.rulesKnowledgeBase());
		assertThat(warmed).isEmpty();
	}

	@Test
	void unchangedPartsAreSharedSoThatAReloadOfTheSameFilesCompilesReadsAndChecksNothing() {
		KnowledgeBases knowledgeBases = new KnowledgeBases(CompiledRulesCache.NONE);
		KnowledgeBases.Halves first = knowledgeBases.compile(RuleSetLoader.read(directory));

		KnowledgeBases.Halves again = knowledgeBases.compile(RuleSetLoader.read(directory));
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		KnowledgeBases.Halves edited = knowledgeBases.compile(RuleSetLoader.read(directory));

		int thresholds = RuleSourceSplit.of(RuleSetLoader.read(directory)).shares().stream().map(share -> share.get(0).path()).toList()
			.indexOf(FixtureRules.THRESHOLDS);
		assertThat(thresholds).as("the thresholds file has a share of its own").isNotNegative();
		assertThat(first.parameters()).as("one knowledge base per file's share").hasSize(RuleSourceSplit.of(RuleSetLoader.read(directory)).shares().size());
		for (int share = 0; share < first.parameters().size(); share++) {
			assertThat(again.parameters().get(share)).isSameAs(first.parameters().get(share));
			if (share == thresholds) {
				assertThat(edited.parameters().get(share)).isNotSameAs(first.parameters().get(share));
			}
			else {
				assertThat(edited.parameters().get(share)).as("the parameters of a file not edited").isSameAs(first.parameters().get(share));
			}
		}
		assertThat(again.rules()).isSameAs(first.rules());
		assertThat(edited.rules()).isSameAs(first.rules());
	}

	@Test
	void theSharedKnowledgeBaseKeepsNoWorkingMemoryOfTheRuleSetsThatUsedIt() {
		// each rule set keeps working memories for reuse and drops them with itself; were they known to the
		// shared knowledge base, every parameter edit would leave some behind
		String threshold = FixtureRules.THRESHOLD;
		for (String next : List.of("polypharmacy.min-medications,6", FixtureRules.THRESHOLD, "polypharmacy.min-medications,6")) {
			rules.replace(FixtureRules.THRESHOLDS, threshold, next);
			threshold = next;
			assertThat(reloader.reload(Trigger.API).outcome()).isEqualTo(Outcome.ACTIVATED);
			RuleReloaderTests.level(active.get());
		}

		assertThat(active.get().rulesKnowledgeBase().getKieSessions()).isEmpty();
	}

	@Test
	void aNextStepTextEditRunsOnTheSameKnowledgeBase() {
		RuleSet before = active.get();
		rules.replace("programmes/prado-copd.drl.csv", "\"review at 6 months\"", "\"review at 3 months\"");

		assertThat(reloader.reload(Trigger.API).outcome()).isEqualTo(Outcome.ACTIVATED);

		assertThat(Assess.programme(Assess.on(active.get()).assess(Assess.patient(PATIENT_ADMITTED_FOR_COPD)), "prado-copd").nextSteps())
			.contains("review at 3 months").doesNotContain("review at 6 months");
		assertThat(active.get().rulesKnowledgeBase()).isSameAs(before.rulesKnowledgeBase());
		assertThat(warmed).isEmpty();
	}

	@Test
	void anEditOfARuleConditionGetsAKnowledgeBaseOfItsOwnAndIsWarmedWhenItsFilesAreMoreThanAThirdOfThePart() {
		RuleSet before = active.get();
		rules.replace("stratification/levels.drl", "medicationCount != null, medicationCount >= $m.value()",
				"medicationCount != null, medicationCount >= $m.value(), medicationCount >= 0");

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertThat(attempt.outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(active.get().rulesKnowledgeBase()).isNotSameAs(before.rulesKnowledgeBase());
		assertThat(RuleReloaderTests.level(active.get())).isEqualTo(2);
		assertThat(active.get().rulesPartCode()).as("one of the fixture's two files with rules with conditions")
			.isEqualTo(new KnowledgeBases.RulesPartCode(1, 2));
		assertThat(warmed).containsExactly(attempt.version());
	}

	@Test
	void anEditOfOneRuleFileOfManyRunsOnTheOtherFilesClassesAndIsNotWarmed() {
		for (int extra = 1; extra <= 2; extra++) {
			rules.write("stratification/extra-" + extra + ".drl", EXTRA_RULE.formatted(extra, 150));
		}
		assertThat(reloader.reload(Trigger.API).outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(active.get().rulesPartCode()).isEqualTo(new KnowledgeBases.RulesPartCode(2, 4));
		warmed.clear();
		RuleSet before = active.get();
		rules.write("stratification/extra-1.drl", EXTRA_RULE.formatted(1, 160));

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertThat(attempt.outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(active.get().rulesKnowledgeBase()).isNotSameAs(before.rulesKnowledgeBase());
		assertThat(active.get().rulesPartCode()).isEqualTo(new KnowledgeBases.RulesPartCode(1, 4));
		assertThat(warmed).isEmpty();
	}

	/** A rule with a condition no patient meets, in a file of its own: {@code formatted(number, age)}. */
	private static final String EXTRA_RULE = """
			package stratification

			import org.parcours.facts.*

			rule "FIX-EXTRA-%1$d"
			when
			    PatientFacts(age > %2$d)
			then
			end
			""";

	@Test
	void aPartRunsMostlyOnCompiledClassesWhenAtMostAThirdOfItsFilesAreNew() {
		assertThat(KnowledgeBases.RulesPartCode.WHOLE.mostlyCompiledAlready()).isFalse();
		assertThat(new KnowledgeBases.RulesPartCode(11, 34).mostlyCompiledAlready()).isTrue();
		assertThat(new KnowledgeBases.RulesPartCode(12, 34).mostlyCompiledAlready()).isFalse();
	}

	@Test
	void aParameterEditRefusedByAGoldenCaseLeavesTheActiveRuleSetUntouched() {
		RuleSet before = active.get();
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,7");

		ReloadAttempt attempt = reloader.reload(Trigger.API);

		assertThat(attempt.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(attempt.problems()).anySatisfy(problem -> assertThat(problem.message()).startsWith("case 'fixture-six-medications': "));
		assertThat(active.get()).isSameAs(before);
		assertThat(RuleReloaderTests.level(active.get())).isEqualTo(2);
		assertThat(warmed).isEmpty();

		rules.replace(FixtureRules.THRESHOLDS, "polypharmacy.min-medications,7", "polypharmacy.min-medications,6");
		assertThat(reloader.reload(Trigger.API).outcome()).isEqualTo(Outcome.ACTIVATED);
		assertThat(RuleReloaderTests.level(active.get())).isEqualTo(1);
		assertThat(RuleReloaderTests.level(before)).isEqualTo(2);
		assertThat(active.get().rulesKnowledgeBase()).isSameAs(before.rulesKnowledgeBase());
	}
}
