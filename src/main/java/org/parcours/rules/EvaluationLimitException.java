package org.parcours.rules;

/**
 * One evaluation did more work than a rule set may ask for: too many rule firings (rules that keep
 * inserting facts, or that re-fire each other) or too much time. It is a defect of the rule set, not
 * of the request, so it names the limit and the last rule that fired, and never the patient.
 */
public final class EvaluationLimitException extends RuntimeException {

	/** Which limit was passed; the lower-case name is the {@code limit} tag of the metric and the API's field. */
	public enum Limit {

		FIRINGS, TIME;

		@Override
		public String toString() {
			return name().toLowerCase();
		}
	}

	private final Limit limit;

	private final String rule;

	EvaluationLimitException(Limit limit, String rule, String allowed) {
		super("the evaluation passed its limit of " + allowed + "; the last rule fired was "
				+ (rule == null ? "none" : "'" + rule + "'"), null, false, false);
		this.limit = limit;
		this.rule = rule;
	}

	public Limit limit() {
		return limit;
	}

	/** The id of the last rule that fired before the limit was passed, or {@code null} when none had. */
	public String rule() {
		return rule;
	}
}
