package org.parcours.vocabulary;

import java.util.Set;

/**
 * What one code means: its chronic category (at most one), its Charlson categories (any number) and
 * the social or functional findings it states (any number), and the conditions medication criteria read
 * (any number, {@code vocabulary/medication-*.csv}).
 */
public record CodeMatch(String chronicCategory, Set<String> charlsonCategories, Set<FunctionalFinding> functionalFindings,
		Set<String> medicationConditions) {

	static final CodeMatch NONE = new CodeMatch(null, Set.of(), Set.of(), Set.of());

	public boolean known() {
		return chronicCategory != null || !charlsonCategories.isEmpty() || !functionalFindings.isEmpty() || !medicationConditions.isEmpty();
	}
}
