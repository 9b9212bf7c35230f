package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The real {@code rules/} directory, compiled once per test JVM: compiling takes seconds, and every
 * test that needs the default rules can share one immutable snapshot.
 */
public final class DefaultRules {

	public static final Path DIRECTORY = Path.of("rules");

	private static RuleSet ruleSet;

	private DefaultRules() {
	}

	public static synchronized RuleSet get() {
		if (ruleSet == null) {
			ruleSet = new RuleSetLoader(Clock.systemUTC()).load(DIRECTORY);
		}
		return ruleSet;
	}
}
