package org.parcours.facts;

/**
 * One STOPP or START criterion as a row of {@code medication-review/stopp-start.drl.csv} declares it.
 * It applies when the patient takes a drug of {@code drugClass} (if given), together with a drug of
 * {@code withClass} (if given; a second, different drug when it is the same class), has
 * {@code condition} (a medication condition or a marker, if given), takes no drug of
 * {@code withoutClass} and has not {@code withoutCondition}, has taken the drug for at least
 * {@code minDays} days or more than {@code moreThanMonths} months (if given), and is at most
 * {@code maxAge} years old (if given). {@code source} cites where the row was verified. START criteria are written the same way: the omitted drug is
 * {@code withoutClass}. The row's name is the published id, optionally followed by words that tell
 * rows of one criterion apart ({@code STOPP-D1 dementia}); answers carry the published id only.
 */
public record MedicationCriterion(String id, String drugClass, String withClass, String withoutClass, String condition,
		String withoutCondition, Integer minDays, Integer moreThanMonths, Integer maxAge, String text, String source) {

	/** Starts a criterion from its table row's name (the published id is its first word) and the criterion's wording. */
	public static Builder named(String rowName, String text) {
		String name = rowName.strip();
		int space = name.indexOf(' ');
		return new Builder(space < 0 ? name : name.substring(0, space), text);
	}

	/** Each column of the table row sets one part; an empty cell sets nothing. */
	public static final class Builder {
		private final String id;
		private final String text;
		private String drugClass;
		private String withClass;
		private String withoutClass;
		private String condition;
		private String withoutCondition;
		private Integer minDays;
		private Integer moreThanMonths;
		private Integer maxAge;

		private Builder(String id, String text) {
			this.id = id;
			this.text = text;
		}

		public Builder drugClass(String value) { drugClass = value; return this; }
		public Builder withClass(String value) { withClass = value; return this; }
		public Builder withoutClass(String value) { withoutClass = value; return this; }
		public Builder condition(String value) { condition = value; return this; }
		public Builder withoutCondition(String value) { withoutCondition = value; return this; }
		public Builder minDays(int value) { minDays = value; return this; }
		public Builder moreThanMonths(int value) { moreThanMonths = value; return this; }
		public Builder maxAge(int value) { maxAge = value; return this; }

		/** The last column: the criterion with the source it was verified against. */
		public MedicationCriterion source(String value) {
			if (drugClass == null && condition == null) {
				throw new IllegalArgumentException(id + ": a criterion needs a drug class or a condition");
			}
			return new MedicationCriterion(id, drugClass, withClass, withoutClass, condition, withoutCondition, minDays, moreThanMonths,
					maxAge, text, value);
		}
	}
}
