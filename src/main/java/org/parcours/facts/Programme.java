package org.parcours.facts;

/**
 * A programme that the active rule set offers. Each programme file declares its own, so that adding
 * a programme is adding a file: every declared programme appears in every answer with one status.
 */
public record Programme(String id, String title) {
}
