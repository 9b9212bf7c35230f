package org.parcours.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * A social or functional finding a coded condition may state (SNOMED CT "Lives alone", "Social
 * isolation", ...), named as in {@code vocabulary/functional-*.csv}. Each one sets one functional input
 * of the patient model to a known value; which codes state which finding is the clinicians' choice.
 */
public enum FunctionalFinding {

	LIVES_ALONE("lives-alone"), NO_CAREGIVER("no-caregiver"), COGNITIVE_IMPAIRMENT("cognitive-impairment"),
	DEPRESSION("depression"), UNDERNUTRITION("undernutrition"), ADVERSE_DRUG_EVENT("adverse-drug-event");

	private final String id;

	FunctionalFinding(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static Optional<FunctionalFinding> fromId(String id) {
		return Arrays.stream(values()).filter(finding -> finding.id.equals(id)).findFirst();
	}
}
