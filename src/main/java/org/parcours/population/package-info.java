/**
 * Shares of Kaiser levels in a population, against declared bounds: the population targets of a rule
 * set (every batch summary and impact report) and the bounds of its reference roster (the activation
 * gate). One way to count and one way to compare, so that the gate and the summaries never disagree.
 */
package org.parcours.population;
