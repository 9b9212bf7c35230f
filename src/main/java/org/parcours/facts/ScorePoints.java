package org.parcours.facts;

/** Points given to one item of a score ({@code lace}, {@code hospital}, {@code charlson}) by one rule. */
public record ScorePoints(String score, String item, String rule, int points, String text) {
}
