package org.parcours.rules;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;

/** The OpenAPI description of the rules status and reload endpoints. */
@Tag(name = "Rules", description = "The active rule set, and activation of an edited rules directory")
interface RulesApi {

	/** Problem details, described once for the whole API. */
	String PROBLEM = "#/components/schemas/Problem";

	@Operation(summary = "Active rule set and last activation attempt",
			description = "Version, load time, every file with its SHA-256, and the last attempt (time, trigger, outcome, duration, "
					+ "stage and problems). Roles rules-admin or assessor.")
	@ApiResponse(responseCode = "200", description = "The status",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = RulesController.Status.class)))
	RulesController.Status status();

	@Operation(summary = "Activate the rules directory now",
			description = "Safety check, compilation and golden cases, then an atomic swap. On refusal the active rule set is kept. "
					+ "Role rules-admin.")
	@ApiResponse(responseCode = "200", description = "Activated: the attempt, naming the new version",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReloadAttempt.class)))
	@ApiResponse(responseCode = "422", description = "Refused: problem details with stage, activeVersion, durationMs and "
			+ "problems[{file, line, message}]", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<?> reload(@Parameter(hidden = true) Principal user);
}
