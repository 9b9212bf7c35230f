package org.parcours.vocabulary;

import java.util.Set;

/**
 * What one code means: its chronic category (at most one), its Charlson categories (any number) and
 * the social or functional findings it states (any number), the conditions medication criteria read
 * (any number, {@code vocabulary/medication-*.csv}) and the diagnosis groups programmes ask for (any
 * number: {@code diabetes-type-2}, {@code dialysis}; {@code vocabulary/diagnosis-*.csv}).
 */
public record CodeMatch(String chronicCategory, Set<String> charlsonCategories, Set<FunctionalFinding> functionalFindings,
		Set<String> medicationConditions, Set<String> diagnosisGroups) {

	static final CodeMatch NONE = new CodeMatch(null, Set.of(), Set.of(), Set.of(), Set.of());

	public boolean known() {
		return chronicCategory != null || !charlsonCategories.isEmpty() || !functionalFindings.isEmpty() || !medicationConditions.isEmpty()
				|| !diagnosisGroups.isEmpty();
	}
}
