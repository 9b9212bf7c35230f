package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.cases.Cases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden cases run on every core, yet the gate reports what a run case after case would: a
 * failing case and a case stopped by an evaluation limit are named in file order, with the same
 * messages, and every case after the limit is reported as not run even when a worker had already
 * started it. Repeated, because an ordering mistake would show only in some interleavings.
 */
class ParallelGoldenCasesTests {

	private static final String CASES = "cases/zz-in-file-order.json";

	@RepeatedTest(3)
	@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void aFailingCaseAndACasePastALimitAreReportedInFileOrderAsOneByOne(@TempDir Path directory) {
		RulesDirectory rules = RulesDirectory.copyOfFixture(directory);
		rules.write(StormRules.FILE, StormRules.FOR_ONE_PATIENT);
		rules.write(CASES, thirtyCases());
		List<RuleFile> files = RuleSetLoader.read(directory);
		RuleSet candidate = new RuleSetLoader(Clock.systemUTC()).build(files)
			.limitedBy(new EvaluationLimits(5000, Duration.ofMinutes(1), new SimpleMeterRegistry()));

		List<RuleProblem> problems = Cases.check().check(candidate, files);

		assertThat(problems).extracting(RuleProblem::toString).containsExactly(
				CASES + ":13: case 'case-12': level: expected 1, got 2",
				CASES + ":21: case 'case-20': the rules failed on this patient: "
						+ "the evaluation passed its limit of 5000 rule firings; the last rule fired was 'X-STORM'",
				"cases/: 10 more case(s) not run: a case passed an evaluation limit, so the rule set is refused as it is");
	}

	/** 30 cases of 6 medications (level 2), one line each: case 12 expects level 1, case 20 is the storming age. */
	private static String thirtyCases() {
		StringJoiner cases = new StringJoiner(",\n", "{\"cases\": [\n", "\n]}\n");
		for (int i = 1; i <= 30; i++) {
			int age = i == 20 ? StormRules.STORMING_AGE : 60;
			int level = i == 12 ? 1 : 2;
			cases.add("{\"id\": \"case-" + i + "\", \"description\": \"d\", \"patient\": {\"age\": " + age
					+ ", \"conditions\": [], \"medicationCount\": 6}, \"expect\": {\"level\": " + level + "}}");
		}
		return cases.toString();
	}
}
