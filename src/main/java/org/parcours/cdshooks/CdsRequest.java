package org.parcours.cdshooks;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * A CDS Hooks 2.0 call. Only what this service reads is declared; other members a client may send
 * ({@code fhirServer}, {@code fhirAuthorization}, {@code extension}) are accepted and ignored, since
 * the service never calls back the FHIR server.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CdsRequest(String hook, String hookInstance, Context context,
		@Schema(description = "FHIR R4 resources by prefetch key: patient a Patient, the others searchset Bundles",
				additionalPropertiesSchema = Object.class) Map<String, JsonNode> prefetch) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Context(String userId, String patientId, String encounterId) {
	}
}
