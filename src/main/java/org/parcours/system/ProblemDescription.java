package org.parcours.system;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.parcours.patient.InputError;
import org.parcours.rules.RuleProblem;

/**
 * How the API description shows an error body. The body itself is Spring's {@code ProblemDetail},
 * whose extension members are a map the description cannot see, so they are declared here, each with
 * the errors that carry it.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, the body of every error (media type application/problem+json). "
		+ "An absent type means about:blank. Messages name fields, never the values sent.")
record ProblemDescription(
		@Schema(description = "A URI naming the kind of problem; absent for about:blank", format = "uri",
				example = "https://parcours.example/problems/invalid-input") String type,
		@Schema(description = "Short summary of the kind of problem", example = "Invalid input") String title,
		@Schema(description = "The HTTP status code", example = "400") int status,
		@Schema(description = "What went wrong with this request") String detail,
		@Schema(description = "The path that was asked", format = "uri-reference", example = "/api/v1/assessments") String instance,
		@Schema(description = "400 invalid input (and invalid roster): every field in error, each with what is expected") List<InputError> errors,
		@Schema(description = "422 rule set refused: the stage of activation that failed", example = "Compilation") String stage,
		@Schema(description = "422 rule set refused: the version still active") String activeVersion,
		@Schema(description = "422 rule set refused: how long the attempt took") Long durationMs,
		@Schema(description = "422 rule set refused: every problem found, with file and line") List<RuleProblem> problems,
		@Schema(description = "409 rules directory not writable, 422 archived rule set refused: the rule-set version asked for") String version,
		@Schema(description = "409 rules directory not writable: why the service cannot write it", example = "it is on a read-only file system")
		String reason,
		@Schema(description = "412 CDS Hooks: the prefetch keys that are required and were not sent") List<String> missing) {
}
