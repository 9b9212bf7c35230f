package org.parcours.impact;

/**
 * One roster row scored by both rule sets: its id (the profile's id column, or its row number), its
 * age band and sex (for the group view only: sex is never a rule input), its observed outcome
 * ({@code null} when unknown or not asked for), and each side's outcome.
 */
record RowPair(String id, String ageBand, String sex, Boolean positive, SideOutcome baseline, SideOutcome candidate) {
}
