package org.parcours.rules;

import java.util.List;

/**
 * A check that a compiled candidate rule set must pass before it becomes active, at start-up and on
 * every reload (the golden cases under {@code rules/cases} are one). Checks are Spring beans; they
 * must not depend on the active rule set, only on the candidate they are given.
 */
public interface ActivationCheck {

	/** Every problem found, each located by file (and line or case) where possible; empty when it passes. */
	List<RuleProblem> check(RuleSet candidate, List<RuleFile> files);
}
