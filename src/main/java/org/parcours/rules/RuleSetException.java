package org.parcours.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot become active, with every problem found. */
public class RuleSetException extends RuntimeException {

	private final String stage;

	private final transient List<RuleProblem> problems;

	public RuleSetException(String stage, List<RuleProblem> problems) {
		super(stage + " failed:\n  " + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
		this.stage = stage;
		this.problems = List.copyOf(problems);
	}

	/** The stage of loading that failed ("Compilation", "Safety check", ...). */
	public String stage() {
		return stage;
	}

	public List<RuleProblem> problems() {
		return problems;
	}
}
