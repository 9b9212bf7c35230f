package org.parcours.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Every STOPP/START criterion's findings on one patient, given by one rule firing: the answer reads
 * each of them as if it had been inserted on its own. One firing over the table's rows instead of one
 * match and one firing per row is where the time goes (see {@link ProgrammeFindings}). No rule
 * matches these findings.
 */
public record MedicationFindings(List<MedicationFinding> findings) {

	public MedicationFindings {
		findings = List.copyOf(findings);
	}

	/**
	 * {@link MedicationReview#check} of each criterion in turn (the rows of
	 * {@code medication/stopp-start.drl.csv}); {@code flags} as there.
	 */
	public static MedicationFindings check(List<MedicationCriterion> criteria, PatientFacts patient, List<Flag> flags) {
		List<MedicationFinding> findings = new ArrayList<>();
		for (MedicationCriterion criterion : criteria) {
			findings.addAll(MedicationReview.check(criterion, patient, flags));
		}
		return new MedicationFindings(findings);
	}
}
