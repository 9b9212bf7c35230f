package org.parcours.cases;

import java.util.List;

/**
 * What running one golden case gave: each expectation that did not hold, written as
 * "what: expected X, got Y". A case file that cannot be read at all gives one result with no case id.
 * {@code passedALimit}: the evaluation was stopped by an evaluation limit (a defect of the rule set).
 */
record CaseResult(String file, int line, String caseId, String description, List<String> failures, boolean passedALimit) {

	CaseResult(String file, int line, String caseId, String description, List<String> failures) {
		this(file, line, caseId, description, failures, false);
	}

	boolean passed() {
		return failures.isEmpty();
	}

	/** The case as a clinician would name it: {@code cases/paerpa.json#paerpa-age-75}. */
	String name() {
		return caseId == null ? file : file + "#" + caseId;
	}
}
