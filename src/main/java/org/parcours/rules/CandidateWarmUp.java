package org.parcours.rules;

import java.time.Duration;
import java.util.List;

/**
 * Runs a candidate rule set that passed every check before it replaces the active one. Each rule set
 * brings its own generated classes, which the JVM runs slowly until its just-in-time compiler has
 * compiled them; evaluating patients on the candidate first moves that cost off the requests that
 * follow the swap. Implemented with the golden cases, whose patients exercise every rule. The active
 * rule set only serves as the measure of full speed; it decides nothing about the candidate.
 */
public interface CandidateWarmUp {

	/**
	 * Evaluates patients on the candidate until it runs them nearly as fast as the active rule set does,
	 * or {@code budget} is spent; never fails the candidate.
	 */
	void warmUp(RuleSet candidate, RuleSet active, List<RuleFile> files, Duration budget);
}
