package org.parcours.rules.history;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import org.parcours.rules.RuleSetException;

/** A rule-set version asked for by name that cannot answer: never activated here (404), or refused by today's gate (422). */
public final class ArchivedVersionException extends ErrorResponseException {

	static final URI UNKNOWN = URI.create("https://parcours.example/problems/unknown-rules-version");

	static final URI REFUSED = URI.create("https://parcours.example/problems/archived-rule-set-refused");

	private ArchivedVersionException(HttpStatus status, ProblemDetail problem) {
		super(status, problem, null);
	}

	static ArchivedVersionException unknown(String version) {
		// only a well-formed version is repeated: anything else could be anything a caller sent
		String named = version != null && RuleSetArchive.VERSION.matcher(version).matches() ? "Rule set version " + version : "That rule set version";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, named
				+ " was never activated here; GET /api/v1/rules/history lists the versions that were.");
		problem.setType(UNKNOWN);
		problem.setTitle("Unknown rule set version");
		return new ArchivedVersionException(HttpStatus.NOT_FOUND, problem);
	}

	static ArchivedVersionException refused(String version, RuleSetException failure) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "Archived rule set " + version
				+ " no longer passes the activation gate (" + failure.stage() + "), so it cannot answer.");
		problem.setType(REFUSED);
		problem.setTitle("Archived rule set refused");
		problem.setProperty("version", version);
		problem.setProperty("stage", failure.stage());
		problem.setProperty("problems", failure.problems());
		return new ArchivedVersionException(HttpStatus.UNPROCESSABLE_CONTENT, problem);
	}
}
