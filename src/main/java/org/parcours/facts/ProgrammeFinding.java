package org.parcours.facts;

/**
 * One rule's word on one programme. The engine resolves a programme's status from all its findings:
 * any {@code EXCLUDED} makes it {@code not-eligible}; otherwise any {@code MISSING} makes it
 * {@code insufficient-data}; otherwise an {@code ELIGIBLE} makes it {@code eligible}. A missing input
 * therefore never reads as "no", and a known exclusion is never hidden by a missing detail.
 * {@code NEXT_STEP} findings are reported with an eligible outcome only.
 */
public record ProgrammeFinding(String programme, Kind kind, String rule, String text) {

	public enum Kind {
		ELIGIBLE, EXCLUDED, MISSING, NEXT_STEP
	}

	public static ProgrammeFinding eligible(String programme, String rule, String text) {
		return new ProgrammeFinding(programme, Kind.ELIGIBLE, rule, text);
	}

	public static ProgrammeFinding excluded(String programme, String rule, String text) {
		return new ProgrammeFinding(programme, Kind.EXCLUDED, rule, text);
	}

	/** {@code field} is the request path of the input that would decide, e.g. {@code functional.fallsLast12Months}. */
	public static ProgrammeFinding missing(String programme, String rule, String field) {
		return new ProgrammeFinding(programme, Kind.MISSING, rule, field);
	}

	public static ProgrammeFinding nextStep(String programme, String rule, String text) {
		return new ProgrammeFinding(programme, Kind.NEXT_STEP, rule, text);
	}
}
