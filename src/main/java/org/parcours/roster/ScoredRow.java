package org.parcours.roster;

/**
 * One output row ({@code cells}, laid out by {@link OutputLayout} and already neutralised) with what
 * the summary counts: the error kind ({@code null} when scored) and the row's age band and sex.
 * Sex is carried for the summary's bias view only; it is never a rule input.
 */
record ScoredRow(String[] cells, String errorKind, String ageBand, String sex) {
}
