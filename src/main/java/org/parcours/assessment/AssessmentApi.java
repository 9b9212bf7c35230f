package org.parcours.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.patient.Patient;

/** The OpenAPI description of the assessment endpoint, kept apart so the controller stays readable. */
@Tag(name = "Assessments", description = "One patient in, Kaiser level, readmission scores and programme eligibility out")
interface AssessmentApi {

	@Operation(summary = "Assess one patient",
			description = "Only what the caller knows is sent: age or birthDate is required, everything else is optional. "
					+ "Missing inputs are never read as no or zero: scores that need them are null with the missing fields listed.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
					examples = @ExampleObject(name = "heart failure, 81", externalValue = "/examples/heart-failure-81.json"))))
	@ApiResponse(responseCode = "200", description = "The assessment, naming the rule-set version that produced it",
			content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "heart failure, 81",
					externalValue = "/examples/responses/heart-failure-81.json")))
	@ApiResponse(responseCode = "400", description = "Invalid input: problem details with errors[{field, message}]",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "unknown enum value",
					externalValue = "/examples/responses/invalid-input.json")))
	@ApiResponse(responseCode = "413", description = "Body over the configured limit", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "No rule set is active", content = @Content(mediaType = "application/problem+json"))
	Assessment assess(Patient patient);
}
