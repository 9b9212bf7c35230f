package org.parcours.vocabulary;

/**
 * A laboratory input of the patient model that FHIR Observations may give, named in
 * {@code vocabulary/fhir-observation-*.csv} by its request field; which LOINC codes and units give it
 * is the tables' choice.
 */
public enum LaboratoryInput {

	HEMOGLOBIN("stay.dischargeHemoglobinGdl", "haemoglobin"), SODIUM("stay.dischargeSodiumMmolL", "sodium");

	private final String field;

	private final String name;

	LaboratoryInput(String field, String name) {
		this.field = field;
		this.name = name;
	}

	/** The request field the value goes to, as the tables name it. */
	public String field() {
		return field;
	}

	/** What the result is, for warnings. */
	public String displayName() {
		return name;
	}
}
