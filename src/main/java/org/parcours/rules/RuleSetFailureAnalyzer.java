package org.parcours.rules;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid rule set at start-up into a short report: each problem with its file and line. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
		return new FailureAnalysis("The rule set could not be loaded. " + cause.getMessage(),
				"Correct the files listed above (or point parcours.rules.directory at a valid rule set) and start again.",
				cause);
	}
}
