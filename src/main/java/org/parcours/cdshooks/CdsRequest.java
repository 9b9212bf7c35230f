package org.parcours.cdshooks;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * A CDS Hooks 2.0 call. Only what this service reads is declared; other members a client may send
 * ({@code fhirServer}, {@code fhirAuthorization}, {@code extension}) are accepted and ignored, since
 * the service never calls back the FHIR server.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CdsRequest(String hook, String hookInstance, Context context, Map<String, JsonNode> prefetch) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Context(String userId, String patientId, String encounterId) {
	}
}
