package org.parcours.facts;

/** A stratification rule that fired: the level it supports, its id and a sentence with the values used. */
public record LevelFinding(int level, String rule, String text) {
}
