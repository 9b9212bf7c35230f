package org.parcours.impact;

import org.parcours.roster.RosterFileException;

/**
 * The observed outcome the levels are validated against: a roster column and the value that marks a
 * positive row ({@code readmitted=<30}). Any other value is a negative row; an empty cell is no
 * outcome, and the row is left out of the outcome statistics and counted.
 */
record OutcomeSpec(String column, String positiveValue) {

	/** Reads {@code COLUMN=VALUE}; quotes around the value, as a shell may leave them, are dropped. */
	static OutcomeSpec parse(String text, String field) {
		int equals = text == null ? -1 : text.indexOf('=');
		if (equals <= 0 || equals == text.length() - 1) {
			throw new RosterFileException(RosterFileException.Kind.USAGE, field,
					"the outcome is COLUMN=VALUE, the value marking a positive row (readmitted=<30)");
		}
		String value = text.substring(equals + 1).strip();
		if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
			value = value.substring(1, value.length() - 1);
		}
		return new OutcomeSpec(text.substring(0, equals).strip(), value);
	}

	/** {@code null} when the cell is empty (no outcome known), otherwise whether the row is positive. */
	Boolean of(String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		return cell.strip().equals(positiveValue);
	}
}
