package org.parcours.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.patient.Patient;

/** The OpenAPI description of the assessment endpoint, kept apart so the controller stays readable. */
@Tag(name = "Assessments", description = "One patient in, Kaiser level, readmission scores and programme eligibility out")
interface AssessmentApi {

	/** Problem details, described once for the whole API. */
	String PROBLEM = "#/components/schemas/Problem";

	@Operation(summary = "Assess one patient",
			description = "Only what the caller knows is sent: age or birthDate is required, everything else is optional. "
					+ "Missing inputs are never read as no or zero: scores that need them are null with the missing fields listed. "
					+ "The same endpoint takes a FHIR R4 Bundle (Content-Type application/fhir+json) and can answer a FHIR "
					+ "RiskAssessment (Accept application/fhir+json).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = Patient.class),
					examples = @ExampleObject(name = "heart failure, 81", externalValue = "/examples/heart-failure-81.json"))))
	@ApiResponse(responseCode = "200", description = "The assessment, naming the rule-set version that produced it",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = Assessment.class),
					examples = @ExampleObject(name = "heart failure, 81", externalValue = "/examples/responses/heart-failure-81.json")))
	@ApiResponse(responseCode = "400", description = "Invalid input (a JSON patient, or a FHIR Bundle that cannot be read or mapped): "
			+ "problem details with errors[{field, message}]",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
					examples = @ExampleObject(name = "unknown enum value", externalValue = "/examples/responses/invalid-input.json")))
	@ApiResponse(responseCode = "404", description = "rulesVersion names a version that was never activated here",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "422", description = "rulesVersion names an archived version that no longer passes the activation gate",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "413", description = "Body over the configured limit",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "415", description = "Neither application/json nor application/fhir+json",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "503", description = "No rule set is active",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	Assessment assess(Patient patient,
			@Parameter(description = "a past rule-set version (GET /api/v1/rules/history) to answer with instead of the active one, "
					+ "to reproduce and explain a past answer; compiled on first use") String rulesVersion);
}
