package org.parcours.rules.history;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;

import org.parcours.rules.ReloadAttempt;

/** The OpenAPI description of the rules history endpoints. */
@Tag(name = "Rules history", description = "Every rule set the service ran, its files and diffs, and restoring one")
interface HistoryApi {

	/** Problem details, described once for the whole API. */
	String PROBLEM = "#/components/schemas/Problem";

	@Operation(summary = "Activations, newest first",
			description = "Each activation: version, time, trigger (startup, watcher, poll, api, restore), user where known, the version "
					+ "it replaced, the files added, modified and removed from it and, for a start-up that reused the verdict of "
					+ "the golden cases and population guard instead of running them, when they passed (verdictReusedFrom). "
					+ "Roles rules-admin or assessor.")
	@ApiResponse(responseCode = "200", description = "The history",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoryController.RulesHistory.class)))
	@ApiResponse(responseCode = "400", description = "limit outside 1 to 1000",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	HistoryController.RulesHistory list(@Parameter(description = "how many activations, newest first (1 to 1000)") int limit);

	@Operation(summary = "One archived version",
			description = "Its files (path, SHA-256, size), its activations, the version it replaced when it first became active, "
					+ "the files changed from that one and their unified diff (null for the first version recorded). "
					+ "Roles rules-admin or assessor.")
	@ApiResponse(responseCode = "200", description = "The version",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoryController.VersionDetail.class)))
	@ApiResponse(responseCode = "404", description = "Never activated here",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	HistoryController.VersionDetail version(String version);

	@Operation(summary = "One file of an archived version, as it was", description = "Roles rules-admin or assessor.")
	@ApiResponse(responseCode = "200", description = "The file's text", content = @Content(mediaType = "text/plain"))
	@ApiResponse(responseCode = "404", description = "Unknown version, or no such file in it",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<String> file(String version, @Parameter(description = "the file's path in the rules directory") String path);

	@Operation(summary = "Restore an archived version",
			description = "Runs the version's files through the activation gate (safety check, compilation, golden cases); once they "
					+ "pass, writes them into the rules directory (files it lacks are deleted) and activates them. Role rules-admin.")
	@ApiResponse(responseCode = "200", description = "Active again: the attempt, trigger restore",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReloadAttempt.class)))
	@ApiResponse(responseCode = "404", description = "Never activated here",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "The rules directory is not writable (mounted read-only): nothing changed; "
			+ "problem details with version and reason", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "422", description = "Refused by today's gate: problem details with stage, activeVersion and problems; "
			+ "nothing was written", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<?> restore(String version, @Parameter(hidden = true) Principal user);
}
