package org.parcours.facts;

/**
 * A share of a Kaiser level that a population should show, declared by a row of a decision table
 * ({@code stratification/population-targets.drl.csv}): level {@code level} between
 * {@code atLeastPercent} and {@code atMostPercent} (inclusive) of {@code population}, which is
 * {@code all} (every row scored) or {@code chronic} (rows with at least one chronic category).
 * Batch summaries and impact reports compare a roster with it; it never changes an answer.
 */
public record PopulationTarget(String id, String population, int level, double atLeastPercent, double atMostPercent, String source) {
}
