package org.parcours.facts;

/**
 * An input a score needs and did not get, named by its request path. A score with any missing input
 * has no value: it is never computed from a guessed zero.
 */
public record ScoreMissing(String score, String field) {
}
