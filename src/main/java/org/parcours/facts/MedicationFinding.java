package org.parcours.facts;

/**
 * One medication criterion's word on one patient: it applies ({@code FLAG}, with a sentence naming
 * the drug, the condition and the value that triggered it), or it could apply and {@code field} (a
 * request path) would decide it ({@code MISSING}).
 */
public record MedicationFinding(Kind kind, String rule, String text) {

	public enum Kind {
		FLAG, MISSING
	}

	static MedicationFinding flag(String rule, String text) {
		return new MedicationFinding(Kind.FLAG, rule, text);
	}

	static MedicationFinding missing(String rule, String field) {
		return new MedicationFinding(Kind.MISSING, rule, field);
	}
}
