package org.parcours.vocabulary;

/**
 * A laboratory result or measurement the rules read ({@code vocabulary/observation-quantity.csv}): its
 * name in the rules ({@code egfr}), the unit results are converted to, how many days a result stays
 * current on the assessment date, and the values that can be true of a patient in that unit.
 */
public record ObservationQuantity(String name, String unit, int maxAgeDays, double min, double max, String label) {
}
