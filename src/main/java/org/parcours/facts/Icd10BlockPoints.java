package org.parcours.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a score whose items are ICD-10 three-character blocks ({@code scores/hfrs.drl.csv}): a
 * patient with a code in {@code block} gets {@code points}. The rows are table facts, inserted once per
 * rule set; one rule per score goes through them for each patient ({@link #found}) instead of one rule
 * per row, which is where the time goes: each rule and each firing costs the engine about the same,
 * whatever it computes.
 */
public record Icd10BlockPoints(String block, ScorePoints points) {

	/** The points of each row whose block the patient has a code in ({@link PatientFacts#hasIcd10Block}), in the rows' order. */
	public static ScoreItems found(List<Icd10BlockPoints> rows, PatientFacts patient) {
		List<ScorePoints> found = new ArrayList<>();
		for (Icd10BlockPoints row : rows) {
			if (patient.hasIcd10Block(row.block())) {
				found.add(row.points());
			}
		}
		return new ScoreItems(found);
	}
}
