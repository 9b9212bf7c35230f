package org.parcours.assessment;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A programme's status in every answer, with the word the JSON, CSV and CDS outputs use. The order of
 * precedence is {@link OutcomeAssembler}'s: an exclusion wins over missing data, missing data over
 * eligibility.
 */
public enum ProgrammeStatus {

	ELIGIBLE("eligible"), NOT_ELIGIBLE("not-eligible"), INSUFFICIENT_DATA("insufficient-data");

	private final String word;

	ProgrammeStatus(String word) {
		this.word = word;
	}

	@JsonValue
	public String word() {
		return word;
	}

	/** The output word, so that text built from a status reads as the JSON does. */
	@Override
	public String toString() {
		return word;
	}
}
