package org.parcours.roster;

/**
 * Why one roster row could not be scored: a kind (the summary counts by it), the column or field at
 * fault and what is expected. Never the value found: cells carry patient data.
 */
public record RowError(String kind, String field, String message) {

	/** Wrong number of columns, an unterminated quote: the row itself cannot be read. */
	public static final String MALFORMED_ROW = "malformed-row";

	/** A cell that should hold a number does not. */
	public static final String BAD_NUMBER = "bad-number";

	/** A cell outside its vocabulary: unknown enum word, not true/false, not a date, unknown code of the profile. */
	public static final String BAD_VALUE = "bad-value";

	/** The row reads, but the patient it describes is not valid (the same checks as the JSON API). */
	public static final String INVALID_PATIENT = "invalid-patient";

	/** The rules could not evaluate the patient; the row is reported, the run goes on. */
	public static final String EVALUATION_FAILED = "evaluation-failed";

	@Override
	public String toString() {
		return field == null || field.isEmpty() || message.startsWith(field + " ") ? message : field + " " + message;
	}
}
