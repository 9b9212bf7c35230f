package org.parcours.vocabulary;

/** What an encounter class counts as for the history inputs, named as in {@code vocabulary/fhir-encounter-class.csv}. */
public enum EncounterKind {

	INPATIENT("inpatient"), EMERGENCY("emergency");

	private final String word;

	EncounterKind(String word) {
		this.word = word;
	}

	public String word() {
		return word;
	}
}
