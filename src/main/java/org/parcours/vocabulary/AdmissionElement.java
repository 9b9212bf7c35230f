package org.parcours.vocabulary;

/**
 * The Encounter elements that may say how a stay was admitted, as {@code vocabulary/fhir-admission-type.csv}
 * names them. The priority is read first; class and admission source only when the priority says nothing.
 */
public enum AdmissionElement {

	PRIORITY("priority"), CLASS("class"), ADMIT_SOURCE("admit-source");

	private final String word;

	AdmissionElement(String word) {
		this.word = word;
	}

	public String word() {
		return word;
	}
}
