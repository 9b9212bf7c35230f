/**
 * The fact model that rule files under {@code rules/} read and write.
 *
 * <p>{@link PatientFacts} is what rules may look at: derived, normalised values with {@code null}
 * meaning "not provided". Sex and ethnicity are deliberately absent, so no rule can use them; the
 * only sex-linked input is the pregnancy block, which the maternity programme needs. Rules answer by
 * inserting the other facts of this package; the engine collects them into an assessment.
 */
package org.parcours.facts;
