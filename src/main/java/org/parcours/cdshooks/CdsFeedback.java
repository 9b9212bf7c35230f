package org.parcours.cdshooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** CDS Hooks 2.0 feedback: what the user did with each card. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CdsFeedback(List<Item> feedback) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Item(String card, String outcome, OverrideReason overrideReason, String outcomeTimestamp) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OverrideReason(CdsResponse.Coding reason, String userComment) {
	}
}
