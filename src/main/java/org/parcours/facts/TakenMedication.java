package org.parcours.facts;

import java.time.LocalDate;
import java.util.Set;

/** One medication of the patient's list: its ATC code, the drug classes it belongs to, and its start date if known. */
public record TakenMedication(String code, Set<String> classes, LocalDate since) {

	public TakenMedication {
		classes = Set.copyOf(classes);
	}
}
