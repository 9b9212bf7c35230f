package org.parcours.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.cases.Cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A start-up reuses the verdict of the activation checks only for exactly the files, build, libraries,
 * settings and day it was reached for, and only when it is intact; anything else runs the checks. The
 * checks are the real golden cases on the fixture rule set ({@link FixtureRules}), whose threshold
 * raised to 7 fails a case: a start-up that did not run them would activate that rule set.
 */
class GateVerdictsTests {

	private static final Instant MORNING = Instant.parse("2026-11-26T08:00:00Z");

	@TempDir
	Path work;

	RulesDirectory rules;

	Path directory;

	@BeforeEach
	void fixture() {
		rules = RulesDirectory.copyOfFixture(work.resolve("rules"));
		directory = work.resolve("cache");
	}

	GateVerdicts verdicts(Instant now, RulesProperties properties) {
		return new GateVerdicts(directory, 8, GateIdentity.of(List.of(Cases.check()), properties, Map.of()), Clock.fixed(now, ZoneOffset.UTC));
	}

	GateVerdicts verdicts(Instant now) {
		return verdicts(now, properties(false, 5000));
	}

	static RulesProperties properties(boolean allowNone, int maxFirings) {
		return new RulesProperties(Path.of("rules"), new RulesProperties.Watch(false, false, Duration.ZERO, Duration.ZERO),
				new RulesProperties.Cases(allowNone, false), maxFirings, Duration.ofSeconds(2), Duration.ofSeconds(30),
				new RulesProperties.Cache(true, null, 8), Duration.ZERO);
	}

	CandidatePipeline.Checked startUp(GateVerdicts verdicts) {
		return new CandidatePipeline(loader(), List.of(Cases.check()), EvaluationLimits.DEFAULT, verdicts)
			.buildAtStartUp(RuleSetLoader.read(rules.root()));
	}

	/** With a compiled-rules cache of its own: the tests start the same few rule sets again and again. */
	RuleSetLoader loader() {
		return new RuleSetLoader(Clock.systemUTC(), new CompiledRulesCache(work.resolve("compiled"), 16, CompilerIdentity.current()));
	}

	String contentHash() {
		return RuleSetLoader.contentHashOf(RuleSetLoader.read(rules.root()));
	}

	LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	@Test
	void aStartUpAfterAFullPassReusesItsVerdictAndSaysWhenItPassed() {
		assertThat(startUp(verdicts(MORNING)).verdictReusedFrom()).as("the first start-up runs the checks").isNull();
		assertThat(verdicts(MORNING).entryOf(contentHash(), day(MORNING))).exists();

		CandidatePipeline.Checked again = startUp(verdicts(MORNING.plusSeconds(3600)));

		assertThat(again.verdictReusedFrom()).isEqualTo(MORNING);
		assertThat(again.ruleSet().contentHash()).isEqualTo(contentHash());
	}

	@Test
	void aReusedVerdictRunsNoCheck() {
		// a pass recorded for rules that fail a case: only a start-up that skips the cases can activate them
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,7");
		verdicts(MORNING).record(contentHash(), day(MORNING));

		assertThat(startUp(verdicts(MORNING)).verdictReusedFrom()).isEqualTo(MORNING);
	}

	@Test
	void aFailingGateRecordsNoVerdict() throws IOException {
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,7");

		assertThatExceptionOfType(RuleSetException.class).isThrownBy(() -> startUp(verdicts(MORNING)))
			.satisfies(refused -> assertThat(refused.stage()).isEqualTo(CandidatePipeline.ACTIVATION_CHECKS));
		assertThat(verdicts(MORNING).passedOn(contentHash(), day(MORNING))).isEmpty();
		assertThat(Files.exists(directory) ? Files.list(directory).toList() : List.of()).isEmpty();
	}

	@Test
	void aChangedCaseFileRunsTheCasesAgain() {
		startUp(verdicts(MORNING));
		rules.replace("cases/fixture.json", "\"expect\": {\"level\": 2, \"levelRules\": [\"FIX-L2\"]",
				"\"expect\": {\"level\": 3, \"levelRules\": [\"FIX-L2\"]");

		assertThatExceptionOfType(RuleSetException.class).isThrownBy(() -> startUp(verdicts(MORNING)))
			.satisfies(refused -> assertThat(refused.problems()).singleElement()
				.satisfies(problem -> assertThat(problem.message()).startsWith("case 'fixture-six-medications': level: expected 3, got 2")));
	}

	@Test
	void aChangedGateSettingRunsTheChecksAgain() {
		startUp(verdicts(MORNING));

		assertThat(startUp(verdicts(MORNING, properties(true, 5000))).verdictReusedFrom()).as("allow-none").isNull();
		assertThat(startUp(verdicts(MORNING, properties(false, 4000))).verdictReusedFrom()).as("max firings").isNull();
		assertThat(startUp(verdicts(MORNING)).verdictReusedFrom()).as("the first settings' verdict is still there").isEqualTo(MORNING);
	}

	@Test
	void aVerdictOfAnotherDayIsStale() {
		startUp(verdicts(MORNING));
		Instant tomorrow = MORNING.plus(Duration.ofDays(1));

		assertThat(startUp(verdicts(tomorrow)).verdictReusedFrom()).isNull();
		assertThat(startUp(verdicts(tomorrow.plusSeconds(60))).verdictReusedFrom()).as("the new day's own pass").isEqualTo(tomorrow);
	}

	@Test
	void aCorruptOrTruncatedVerdictIsDeletedAndTheChecksRun() throws IOException {
		startUp(verdicts(MORNING));
		Path entry = verdicts(MORNING).entryOf(contentHash(), day(MORNING));
		String intact = Files.readString(entry);

		Files.writeString(entry, intact.replace("passed 2026-11-26T08:00:00Z", "passed 2026-11-25T08:00:00Z"));
		assertThat(verdicts(MORNING).passedOn(contentHash(), day(MORNING))).as("a forged time").isEmpty();
		assertThat(entry).doesNotExist();

		Files.writeString(entry, intact.substring(0, intact.length() - 10));
		assertThat(startUp(verdicts(MORNING.plusSeconds(60))).verdictReusedFrom()).as("truncated").isNull();
		assertThat(verdicts(MORNING).passedOn(contentHash(), day(MORNING))).as("rewritten by the pass").contains(MORNING.plusSeconds(60));
	}

	@Test
	void aVerdictForOtherRulesCopiedUnderThisNameIsRefused() throws IOException {
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String raised = contentHash();
		startUp(verdicts(MORNING));
		rules.reset();
		Path entry = verdicts(MORNING).entryOf(contentHash(), day(MORNING));
		Files.createDirectories(directory);
		Files.copy(verdicts(MORNING).entryOf(raised, day(MORNING)), entry);

		assertThat(startUp(verdicts(MORNING)).verdictReusedFrom()).isNull();
		assertThat(Files.readString(entry, StandardCharsets.UTF_8)).contains("content " + contentHash());
	}

	@Test
	void reloadsRunTheChecksWhateverTheVerdicts() {
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,7");
		GateVerdicts verdicts = verdicts(MORNING);
		verdicts.record(contentHash(), day(MORNING));
		CandidatePipeline pipeline = new CandidatePipeline(loader(), List.of(Cases.check()), EvaluationLimits.DEFAULT, verdicts);

		assertThatExceptionOfType(RuleSetException.class).isThrownBy(() -> pipeline.build(RuleSetLoader.read(rules.root())));
	}
}
