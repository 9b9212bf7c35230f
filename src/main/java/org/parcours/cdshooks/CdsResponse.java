package org.parcours.cdshooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** A CDS Hooks 2.0 response: cards, each with the members the specification defines. */
record CdsResponse(List<Card> cards) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Card(String uuid, String summary, String detail, String indicator, Source source, List<Suggestion> suggestions,
			String selectionBehavior, List<Coding> overrideReasons) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Source(String label, String url, Coding topic) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Coding(String system, String code, String display) {
	}

	record Suggestion(String label, String uuid, boolean isRecommended, List<Action> actions) {
	}

	/** {@code resource} is FHIR JSON written by HAPI's encoder, passed through as it is. */
	record Action(String type, String description,
			@Schema(implementation = Object.class, types = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "A FHIR R4 resource (RiskAssessment) as FHIR JSON") @JsonRawValue String resource) {
	}
}
