package org.parcours.facts;

/**
 * The readmission scores and frailty instruments, by the name the score rules give them in {@link ScoreValue},
 * {@link ScorePoints}, {@link ScoreBand} and {@link ScoreMissing}, and that the answer and the
 * roster columns use.
 */
public enum ScoreName {

	CHARLSON("charlson", 0), LACE("lace", 0), HOSPITAL("hospital", 0), ISAR("isar", 0), SEGA_A("sega-a", 0), HFRS("hfrs", 1);

	/** The points the Charlson rules give for age, kept apart from the comorbidity total. */
	public static final String CHARLSON_AGE_POINTS = "charlson-age";

	/** The total of the Charlson comorbidity points and the age points. */
	public static final String CHARLSON_AGE_ADJUSTED = "charlson-age-adjusted";

	/** The comorbidity weights of LACE's C item, kept apart from the LACE total and from Charlson's. */
	public static final String LACE_COMORBIDITY_WEIGHTS = "lace-comorbidity";

	private final String id;

	private final int decimals;

	/**
	 * {@code decimals}: how many decimals the score's points have. Points and totals are whole numbers
	 * in the rules, in units of 10^-decimals (the Hospital Frailty Risk Score's 7.1 points are 71 tenths);
	 * the answer gives them back in the score's own unit.
	 */
	ScoreName(String id, int decimals) {
		this.id = id;
		this.decimals = decimals;
	}

	public String id() {
		return id;
	}

	public int decimals() {
		return decimals;
	}
}
