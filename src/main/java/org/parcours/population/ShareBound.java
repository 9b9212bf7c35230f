package org.parcours.population;

import org.parcours.facts.PopulationTarget;

/**
 * Level {@code level} should be between {@code atLeastPercent} and {@code atMostPercent} percent
 * (inclusive) of {@code population}. {@code line} is the line of the file that declares it (0 for a
 * row of a decision table, whose rule name is its id).
 */
public record ShareBound(String id, Population population, int level, double atLeastPercent, double atMostPercent, String source,
		int line) {

	/** A population target of a rule set; its population word is one the table's column allows. */
	public static ShareBound of(PopulationTarget target) {
		return new ShareBound(target.id(), Population.of(target.population()).orElseThrow(
				() -> new IllegalArgumentException("population target '" + target.id() + "': unknown population '" + target.population() + "'")),
				target.level(), target.atLeastPercent(), target.atMostPercent(), target.source(), 0);
	}

	/** "level 3 between 1 % and 5 % of all rows scored", as a clinician reads it. */
	public String describe() {
		String range = atLeastPercent <= 0 ? "at most " + Percent.text(atMostPercent) + " %"
				: atMostPercent >= 100 ? "at least " + Percent.text(atLeastPercent) + " %"
						: "between " + Percent.text(atLeastPercent) + " % and " + Percent.text(atMostPercent) + " %";
		return "level " + level + " " + range + " " + population.phrase();
	}
}
