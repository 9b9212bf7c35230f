package org.parcours.population;

/**
 * One bound compared with one population: {@code count} rows at the bound's level out of {@code rows},
 * {@code percent} of them ({@code null} when the population is empty, so nothing can be measured), and
 * whether the share is within the bound ({@code null} likewise). The comparison uses the exact share,
 * not the rounded percentage shown.
 */
public record ShareCheck(ShareBound bound, long rows, long count, Double percent, Boolean met) {

	static ShareCheck of(ShareBound bound, long count, long rows) {
		if (rows == 0) {
			return new ShareCheck(bound, 0, 0, null, null);
		}
		double exact = count * 100.0 / rows;
		return new ShareCheck(bound, rows, count, Percent.of(count, rows),
				exact >= bound.atLeastPercent() && exact <= bound.atMostPercent());
	}

	/** A missed bound, measured: "level 3 is 7.3 % of chronic patients (73 of 1000); bound: level 3 at most 5 % of chronic patients". */
	public String describe() {
		if (percent == null) {
			return bound.describe() + ": cannot be measured, the roster has no row in that population";
		}
		return "level " + bound.level() + " is " + Percent.text(percent) + " % " + bound.population().phrase() + " (" + count + " of " + rows
				+ "), " + (Boolean.TRUE.equals(met) ? "within" : "outside") + " the bound " + bound.describe();
	}
}
