package org.parcours.facts;

/**
 * A derived yes/no fact about the patient (polypharmacy, multimorbidity, a frailty marker, ...)
 * computed by a rule from thresholds. {@code known == false} means an input needed to decide it was
 * missing; {@code field} then names that input.
 */
public record Flag(String name, boolean known, boolean value, String field, String rule) {

	public static Flag yes(String name, String rule) {
		return new Flag(name, true, true, null, rule);
	}

	public static Flag no(String name, String rule) {
		return new Flag(name, true, false, null, rule);
	}

	public static Flag unknown(String name, String field, String rule) {
		return new Flag(name, false, false, field, rule);
	}
}
