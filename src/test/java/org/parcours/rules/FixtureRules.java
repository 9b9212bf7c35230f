package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A small rule set for the tests of the engine (loading, reload, watcher, limits), not of the default
 * rules' content: every mapping table the loader requires, one chronic vocabulary, one threshold table,
 * two level rules, one programme and the golden cases that cover them. It compiles in a fraction of
 * the time of the default rules, and a change to the default rules does not break these tests.
 */
public final class FixtureRules {

	public static final Path DIRECTORY = Path.of("src/test/resources/fixture-rules");

	/**
	 * 5 medications: level 2 by FIX-L2 at the fixture's threshold of 5, level 1 once it is raised to 6,
	 * an edit its golden cases accept (they have 4 and 6 medications); raising it to 7 breaks a case.
	 */
	public static final String FIVE_MEDICATIONS = "{\"age\": 60, \"conditions\": [], \"medicationCount\": 5}";

	public static final String THRESHOLDS = "stratification/thresholds.drl.csv";

	public static final String THRESHOLD = "polypharmacy.min-medications,5";

	private static RuleSet ruleSet;

	private FixtureRules() {
	}

	public static synchronized RuleSet get() {
		if (ruleSet == null) {
			ruleSet = new RuleSetLoader(Clock.systemUTC()).load(DIRECTORY);
		}
		return ruleSet;
	}
}
