package org.parcours.rules;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A restore that cannot write its files back into the rules directory (mounted read-only, or not
 * writable by the service's user): a 409 that says why and what to do instead. Nothing was written
 * and the active rule set is unchanged.
 */
public final class RulesDirectoryNotWritableException extends ErrorResponseException {

	static final URI TYPE = URI.create("https://parcours.example/problems/rules-directory-not-writable");

	RulesDirectoryNotWritableException(String version, String reason) {
		super(HttpStatus.CONFLICT, problem(version, reason), null);
	}

	private static ProblemDetail problem(String version, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Rule set " + version
				+ " cannot be restored: the rules directory is not writable by the service (" + reason + "). Nothing was changed. "
				+ "Restore it where the rules are kept (for instance check its files out of git; GET /api/v1/rules/history/" + version
				+ " lists them), or make the directory writable.");
		problem.setType(TYPE);
		problem.setTitle("Rules directory not writable");
		problem.setProperty("version", version);
		problem.setProperty("reason", reason);
		return problem;
	}
}
