package org.parcours.fhir;

import io.swagger.v3.oas.annotations.ExternalDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;

import org.parcours.assessment.Assessment;

/**
 * The OpenAPI description of FHIR input to the assessment endpoint. It shares path and method with
 * the JSON input, so the description shows one operation with both request and answer media types.
 * FHIR resources are described by the FHIR specification, not repeated here.
 */
@Tag(name = "Assessments")
interface FhirAssessmentApi {

	@Operation(summary = "Assess one patient",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = FhirAssessmentController.FHIR_JSON,
					schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
							description = "A FHIR R4 Bundle with the Patient and their Conditions, Encounters, MedicationRequests, "
									+ "Observations and Procedures"),
					examples = @ExampleObject(name = "FHIR bundle, heart failure", externalValue = "/examples/fhir-bundle-heart-failure.json"))),
			externalDocs = @ExternalDocumentation(description = "FHIR R4 Bundle and RiskAssessment", url = "https://hl7.org/fhir/R4/riskassessment.html"))
	@ApiResponse(responseCode = "200", description = "The assessment: the contract's JSON, or a FHIR RiskAssessment when Accept asks for "
			+ "application/fhir+json first",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = Assessment.class)),
					@Content(mediaType = FhirAssessmentController.FHIR_JSON, schema = @Schema(type = "object",
							additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "A FHIR R4 RiskAssessment: one prediction per score and level, basis and notes naming the rules")) })
	ResponseEntity<Object> assess(String body,
			@Parameter(description = "FHIR input only: the id of the index stay; without it the ongoing (else latest) inpatient stay")
			String encounter,
			@Parameter(description = "FHIR input only: the date the look-back windows count back from; without it the index stay's end, "
					+ "else today", schema = @Schema(type = "string", format = "date")) String assessmentDate,
			@Parameter(description = "a past rule-set version (GET /api/v1/rules/history) to answer with instead of the active one")
			String rulesVersion,
			@Parameter(description = "application/fhir+json for a FHIR RiskAssessment; the contract's JSON otherwise") String accept);
}
