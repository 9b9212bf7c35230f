package org.parcours.facts;

/**
 * A named yes/no setting from a decision table (for example whether oesophagus surgery is covered
 * yet by a programme), so that switching a criterion on or off is a table edit.
 */
public record Setting(String name, String value) {
}
