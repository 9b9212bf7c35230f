package org.parcours.facts;

/** A score's total, inserted once all its items are in, so that later rules (bands, levels) can read it. */
public record ScoreValue(String score, int value) {
}
