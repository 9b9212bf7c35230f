package org.parcours.facts;

/** The band of a score total ({@code low}, {@code intermediate}, {@code high}) and the rule that set it. */
public record ScoreBand(String score, String band, String rule) {
}
