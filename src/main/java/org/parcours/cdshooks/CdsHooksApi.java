package org.parcours.cdshooks;

import java.util.Map;

import io.swagger.v3.oas.annotations.ExternalDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OpenAPI description of the CDS Hooks 2.0 endpoints; the members are the specification's. */
@Tag(name = "CDS Hooks", description = "CDS Hooks 2.0 services at admission and discharge; data only from prefetch",
		externalDocs = @ExternalDocumentation(description = "CDS Hooks 2.0", url = "https://cds-hooks.hl7.org/2.0/"))
interface CdsHooksApi {

	String PROBLEM = "#/components/schemas/Problem";

	@Operation(summary = "Discovery: the services, their hooks and prefetch templates")
	@ApiResponse(responseCode = "200", description = "The services",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = CdsHooksController.Discovery.class)))
	CdsHooksController.Discovery discovery();

	@Operation(summary = "Call a service: cards with the level, scores and programmes",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = CdsRequest.class),
					examples = @ExampleObject(name = "discharge", externalValue = "/examples/cds-encounter-discharge.json"))))
	@ApiResponse(responseCode = "200", description = "The cards",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = CdsResponse.class)))
	@ApiResponse(responseCode = "400", description = "Wrong hook, missing context or unreadable prefetch: problem details",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No service has this id", content = @Content(mediaType = "application/problem+json",
			schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "412", description = "Required prefetch missing: problem details naming it",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	CdsResponse call(@Parameter(description = "The service id, as discovery lists it", example = CdsService.DISCHARGE) String id,
			CdsRequest request);

	@Operation(summary = "Feedback: what the user did with each card")
	@ApiResponse(responseCode = "200", description = "Recorded (an empty object)",
			content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
	@ApiResponse(responseCode = "400", description = "No feedback, or an item without card or outcome: problem details",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No service has this id", content = @Content(mediaType = "application/problem+json",
			schema = @Schema(ref = PROBLEM)))
	Map<String, Object> feedback(@Parameter(description = "The service id", example = CdsService.DISCHARGE) String id, CdsFeedback feedback);
}
