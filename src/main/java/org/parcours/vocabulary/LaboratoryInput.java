package org.parcours.vocabulary;

/**
 * A laboratory input of the stay that FHIR Observations during the stay may give, and the quantity of
 * {@code vocabulary/observation-quantity.csv} it is read from: which LOINC codes and units give that
 * quantity is the observation tables' choice, the same tables as for the {@code observations} input.
 */
public enum LaboratoryInput {

	HEMOGLOBIN("stay.dischargeHemoglobinGdl", "hemoglobin"), SODIUM("stay.dischargeSodiumMmolL", "sodium");

	private final String field;

	private final String quantity;

	LaboratoryInput(String field, String quantity) {
		this.field = field;
		this.quantity = quantity;
	}

	/** The request field the value goes to. */
	public String field() {
		return field;
	}

	/** The quantity of the observation tables the value is read from (and named by, in warnings). */
	public String quantity() {
		return quantity;
	}
}
