package org.parcours.roster;

/**
 * One output row ({@code cells}, laid out by {@link OutputLayout} and already neutralised) with what
 * the summary counts: the error kind ({@code null} when scored), the row's age band and sex, and
 * whether it has a chronic category (for the level shares among chronic patients).
 * Sex is carried for the summary's bias view only; it is never a rule input.
 */
record ScoredRow(String[] cells, String errorKind, String ageBand, String sex, boolean chronic) {
}
