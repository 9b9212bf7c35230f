package org.parcours.vocabulary;

/**
 * A history input counted from FHIR encounters: which kind of encounter it counts; how far back is
 * {@code vocabulary/fhir-history-window.csv}'s choice.
 */
public enum HistoryCount {

	ADMISSIONS("history.admissionsLast12Months", EncounterKind.INPATIENT),
	ED_VISITS("history.edVisitsLast6Months", EncounterKind.EMERGENCY);

	private final String field;

	private final EncounterKind kind;

	HistoryCount(String field, EncounterKind kind) {
		this.field = field;
		this.kind = kind;
	}

	public String field() {
		return field;
	}

	public EncounterKind kind() {
		return kind;
	}
}
