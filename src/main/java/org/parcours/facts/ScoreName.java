package org.parcours.facts;

/**
 * The readmission scores, by the name the score rules give them in {@link ScoreValue},
 * {@link ScorePoints}, {@link ScoreBand} and {@link ScoreMissing}, and that the answer and the
 * roster columns use.
 */
public enum ScoreName {

	CHARLSON("charlson"), LACE("lace"), HOSPITAL("hospital");

	/** The points the Charlson rules give for age, kept apart from the comorbidity total. */
	public static final String CHARLSON_AGE_POINTS = "charlson-age";

	/** The total of the Charlson comorbidity points and the age points. */
	public static final String CHARLSON_AGE_ADJUSTED = "charlson-age-adjusted";

	/** The comorbidity weights of LACE's C item, kept apart from the LACE total and from Charlson's. */
	public static final String LACE_COMORBIDITY_WEIGHTS = "lace-comorbidity";

	private final String id;

	ScoreName(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}
}
