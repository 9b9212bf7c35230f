package org.parcours.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot become active, with every problem found. */
public class RuleSetException extends RuntimeException {

	private final transient List<RuleProblem> problems;

	public RuleSetException(String stage, List<RuleProblem> problems) {
		super(stage + " failed:\n  " + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
		this.problems = List.copyOf(problems);
	}

	public List<RuleProblem> problems() {
		return problems;
	}
}
