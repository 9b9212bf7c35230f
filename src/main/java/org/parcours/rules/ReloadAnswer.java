package org.parcours.rules;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer to an activation attempt (reload or restore): 200 with the attempt when its candidate
 * is active, 422 problem details naming the stage and every problem when it was refused.
 */
public final class ReloadAnswer {

	static final URI REFUSED = URI.create("https://parcours.example/problems/rule-set-refused");

	private ReloadAnswer() {
	}

	public static ResponseEntity<?> of(ReloadAttempt attempt) {
		if (attempt.outcome() == ReloadAttempt.Outcome.ACTIVATED) {
			return ResponseEntity.ok(attempt);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				attempt.stage() + " failed; rule set " + attempt.version() + " is still active.");
		problem.setType(REFUSED);
		problem.setTitle("Rule set refused");
		problem.setProperty("stage", attempt.stage());
		problem.setProperty("activeVersion", attempt.version());
		problem.setProperty("durationMs", attempt.durationMs());
		problem.setProperty("problems", attempt.problems());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
