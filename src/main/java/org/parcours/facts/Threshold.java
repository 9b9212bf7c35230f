package org.parcours.facts;

/**
 * A named number from a decision table, so that DRL rules compare against parameters that
 * clinicians edit in one place instead of literals scattered through rule files.
 */
public record Threshold(String name, double value) {

	/** The value as clinicians wrote it: {@code 4} rather than {@code 4.0}. */
	public String display() {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}
}
