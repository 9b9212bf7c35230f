package org.parcours.rules;

import java.util.List;

/**
 * Turns the files of a rules directory into a rule set that may become active: static safety check,
 * vocabularies and compilation, then every {@link ActivationCheck} (the golden cases among them). The
 * same pipeline runs at start-up and on every reload, so both refuse the same things with the same
 * report.
 */
final class CandidatePipeline {

	private final RuleSetLoader loader;

	private final List<ActivationCheck> checks;

	CandidatePipeline(RuleSetLoader loader, List<ActivationCheck> checks) {
		this.loader = loader;
		this.checks = List.copyOf(checks);
	}

	/** A rule set that passed every stage; otherwise a {@link RuleSetException} naming the stage and every problem. */
	RuleSet build(List<RuleFile> files) {
		List<RuleProblem> unsafe = RuleSafetyCheck.check(files);
		if (!unsafe.isEmpty()) {
			throw new RuleSetException("Safety check", unsafe);
		}
		RuleSet candidate = loader.build(files);
		List<RuleProblem> problems = checks.stream().flatMap(check -> check.check(candidate, files).stream()).toList();
		if (!problems.isEmpty()) {
			throw new RuleSetException("Activation checks", problems);
		}
		return candidate;
	}
}
